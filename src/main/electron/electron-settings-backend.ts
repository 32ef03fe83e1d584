/**
 * The settings backend for the packaged app: electron-store keeps the file in the user-data
 * folder and writes it atomically.
 *
 * Why a backend rather than electron-store's own schema: the store in core owns parsing and the
 * rules for bad files (keep a `.bad-<timestamp>` copy, fall back field by field), and electron-store
 * would throw on bad JSON or, with `clearInvalidConfig`, wipe it. So electron-store carries the raw
 * text only: `deserialize` wraps it, `serialize` unwraps it, and core's zod schema does the rest.
 */
import { app } from 'electron';
import Store from 'electron-store';
import { constants, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsBackend } from '../core/settings/settings-backend';

type RawText = { text?: string };

const NAME = 'settings';

export function createElectronSettingsBackend(folder: string = app.getPath('userData')): SettingsBackend {
  const location = join(folder, `${NAME}.json`);
  let store: Store<RawText> | null = null;
  // Built on first use: the constructor reads the file, and an unreadable file must surface
  // through read() (as `settings_unreadable`), not crash start-up.
  const open = (): Store<RawText> =>
    (store ??= new Store<RawText>({
      name: NAME,
      cwd: folder,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      serialize: (value) => value.text ?? '',
      deserialize: (text) => ({ text }),
    }));

  return {
    location,
    read: () => open().get('text') ?? null,
    write: (text) => open().set('text', text),
    keepBadCopy(stamp) {
      const copy = `${location}.bad-${stamp}`;
      try {
        copyFileSync(location, copy, constants.COPYFILE_EXCL);
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
        throw error;
      }
      return copy;
    },
  };
}
