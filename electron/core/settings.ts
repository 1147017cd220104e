import { join } from 'node:path';
import { readJsonObject, writeJsonFile } from './json-file';

export interface Settings {
  folder?: string;
}

/** Settings as a JSON file in the config folder. */
export class SettingsStore {
  readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, 'settings.json');
  }

  async load(): Promise<Settings> {
    const raw = await readJsonObject(this.file);
    return typeof raw?.folder === 'string' ? { folder: raw.folder } : {};
  }

  save(settings: Settings): Promise<void> {
    return writeJsonFile(this.file, settings);
  }
}
