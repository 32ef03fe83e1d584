/**
 * The one window and the hardening every webContents gets: sandboxed, isolated, no Node; no
 * navigation away from our page, no new windows, no webviews. Certificate errors are refused by
 * Electron's default; there is deliberately no 'certificate-error' handler that could weaken it.
 */
import { BrowserWindow, type WebContents } from 'electron';

export function hardenWebContents(contents: WebContents, isOwn: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwn(url)) {
      event.preventDefault();
      console.warn('navigation blocked');
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwn(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  preloadPath: string;
  pageUrl: string;
  devTools: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    title: 'Flexiti In-Store',
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
      // Middle-click can open links in new windows, past the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.pageUrl);
  return window;
}
