/**
 * The Electron entry: a thin shell over the core. One instance per terminal (two would race on the
 * journal), one hardened window, IPC wired to the handler table, settings in electron-store.
 */
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../core/app-core';
import { installContentSecurityPolicy } from './csp';
import { installDownloadHandler } from './downloads';
import { createElectronSettingsBackend } from './electron-settings-backend';
import { wireIpc } from './ipc-wiring';
import { ownPage } from './own-page';
import { installPermissionHandlers } from './permissions';
import { relaunchAfter } from './relaunch';
import { createMainWindow, hardenWebContents } from './window';

const OUT_DIR = join(import.meta.dirname, '..');
const page = ownPage(OUT_DIR, app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL);

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: join(OUT_DIR, 'preload', 'index.cjs'),
    pageUrl: page.url,
    devTools: !app.isPackaged,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  installContentSecurityPolicy(session.defaultSession);
  installPermissionHandlers(session.defaultSession, page.isOwn);
  installDownloadHandler(session.defaultSession, page.isOwn);

  core = await createAppCore({
    dataDir: app.getPath('userData'),
    settingsBackend: createElectronSettingsBackend(),
    allowLive: true,
    version: app.getVersion(),
    restart: () => relaunchAfter(() => core?.close() ?? Promise.resolve()),
  });
  wireIpc({ handle: core.handle, ourContents: () => mainWindow?.webContents ?? null, isOwn: page.isOwn });
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, page.isOwn));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void core?.close();
  });
  start().catch((error: unknown) => {
    console.error(
      'Flexiti In-Store could not start:',
      error instanceof Error ? error.message : 'unknown error',
    );
    app.exit(1);
  });
}
