/**
 * The only place raw IPC is used in main: one `ipcMain.handle` per contract channel, each checking
 * its sender before the handler table sees the call. A sender that is not our window's main frame
 * on our own page is dropped with a not_allowed answer.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNELS } from '../../shared/ipc/contract';
import type { HandlerTable } from '../core/handlers/handler-table';

export interface IpcWiringOptions {
  handle: HandlerTable['handle'];
  /** The webContents of our window (null before it exists or after it is closed). */
  ourContents: () => WebContents | null;
  isOwn: (url: string) => boolean;
}

export function senderIsTrusted(event: IpcMainInvokeEvent, options: IpcWiringOptions): boolean {
  const contents = options.ourContents();
  const frame = event.senderFrame;
  if (contents === null || frame === null) return false;
  if (event.sender !== contents || event.sender.id !== contents.id) return false;
  // Only the main frame: an iframe, even of our own page, gets no access.
  if (frame !== contents.mainFrame) return false;
  return options.isOwn(frame.url);
}

export function wireIpc(options: IpcWiringOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const trusted = senderIsTrusted(event, options);
      if (!trusted) console.warn(`IPC from an untrusted sender dropped: ${channel}`);
      return options.handle(channel, payload, { kind: 'ipc', trusted });
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
