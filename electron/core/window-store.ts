import { join } from 'node:path';
import { readJsonObject, writeJsonFile } from './json-file';
import { parseSavedWindow, type SavedWindow } from './window-bounds';

/**
 * The desktop window's place, in window.json beside settings.json: apart from the settings the core
 * rewrites when the folder changes, so neither writer can lose the other's change.
 */
export class WindowStore {
  readonly file: string;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    configDir: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.file = join(configDir, 'window.json');
  }

  /** The saved place; none when there is none, or it cannot be read: the window then opens where it would anyway. */
  async load(): Promise<SavedWindow | undefined> {
    try {
      return parseSavedWindow(await readJsonObject(this.file));
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  /** Writes one at a time, in the order asked, so the last place asked for is the one kept. */
  save(window: SavedWindow): void {
    this.writing = this.writing.then(() => writeJsonFile(this.file, window)).catch(this.onError);
  }

  /** Resolves once every place asked for so far is written (or has failed and been reported). */
  idle(): Promise<void> {
    return this.writing;
  }
}
