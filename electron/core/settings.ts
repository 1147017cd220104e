import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Settings {
  folder?: string;
}

/** Settings as a JSON file in the config folder, written atomically so a crash never leaves half a file. */
export class SettingsStore {
  readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, 'settings.json');
  }

  async load(): Promise<Settings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null ? pickSettings(parsed as Record<string, unknown>) : {};
    } catch {
      console.warn(`Paperdrop: ignoring unreadable settings file ${this.file}`);
      return {};
    }
  }

  async save(settings: Settings): Promise<void> {
    const dir = join(this.file, '..');
    await mkdir(dir, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`);
    await rename(temporary, this.file);
  }
}

function pickSettings(raw: Record<string, unknown>): Settings {
  return typeof raw.folder === 'string' ? { folder: raw.folder } : {};
}
