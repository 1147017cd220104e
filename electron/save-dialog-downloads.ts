import { join } from 'node:path';
import type { DownloadItem, Session } from 'electron';

/**
 * A file the page hands over as a download (an export, a backup) is saved where the user says, in
 * the system's save dialog, which opens in the Downloads folder under the file's own name. Electron
 * asks so long as no save path is set; this names the dialog and its starting place.
 */
export function saveDownloadsThroughDialog(session: Pick<Session, 'on'>, downloadsDir: string): void {
  session.on('will-download', (_event, item: Pick<DownloadItem, 'getFilename' | 'setSaveDialogOptions'>) => {
    item.setSaveDialogOptions({ title: 'Save from Paperdrop', defaultPath: join(downloadsDir, item.getFilename()) });
  });
}
