/**
 * Downloads: only the files our own page makes (a PDF receipt, a CSV report) as blob: URLs, each
 * through a save dialog. Anything else (a link to the web, a page that is not ours) is cancelled.
 */
import { app, type Session } from 'electron';
import { join } from 'node:path';
import { isOwnDownload } from './own-download';

/** The kinds of file the page saves, by extension, for the save dialog's filter. */
const KINDS: Record<string, { name: string; extensions: string[] }> = {
  pdf: { name: 'PDF', extensions: ['pdf'] },
  csv: { name: 'CSV', extensions: ['csv'] },
};

export function installDownloadHandler(session: Session, isOwn: (url: string) => boolean): void {
  session.on('will-download', (event, item, contents) => {
    const fileName = item.getFilename();
    if (!isOwnDownload(item.getURL(), fileName, contents.getURL(), isOwn)) {
      event.preventDefault();
      console.warn('download blocked');
      return;
    }
    const extension = fileName.slice(fileName.lastIndexOf('.') + 1);
    const kind = KINDS[extension];
    // No save path set: Electron asks where to save, starting in Documents with our file name.
    item.setSaveDialogOptions({
      defaultPath: join(app.getPath('documents'), fileName),
      ...(kind ? { filters: [kind] } : {}),
    });
  });
}
