/**
 * Which URL is our own page: the built renderer's index.html (file://) or, in development, the
 * electron-vite dev server. Navigation, permissions and IPC are all checked against this one rule.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface OwnPage {
  /** What the window loads. */
  url: string;
  isOwn(url: string): boolean;
}

export function ownPage(outDir: string, devServerUrl: string | undefined): OwnPage {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return {
      url: devServerUrl,
      isOwn: (url) => URL.canParse(url) && new URL(url).origin === origin,
    };
  }
  const index = pathToFileURL(join(outDir, 'renderer', 'index.html'));
  return {
    url: index.href,
    isOwn(url) {
      if (!URL.canParse(url)) return false;
      const parsed = new URL(url);
      return parsed.protocol === 'file:' && parsed.pathname === index.pathname;
    },
  };
}
