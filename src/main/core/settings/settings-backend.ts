/**
 * Where the settings text lives.
 *
 * The store (settings-store.ts) owns parsing, validation and the rules about bad files; a backend
 * only moves text. The plain-Node file backend below serves tests, the browser host and Electron
 * alike; src/main/electron/electron-settings-backend.ts supplies the same interface over
 * electron-store for the packaged app.
 */
import { constants, copyFileSync, readFileSync } from 'node:fs';
import { writeFileAtomicSync } from './atomic-write';

export interface SettingsBackend {
  /** Where the settings are, for messages to IT (a file path). */
  readonly location: string;
  /** The stored text, or null when nothing was ever saved. Throws when the store cannot be read. */
  read(): string | null;
  /** Replaces the stored text atomically. */
  write(text: string): void;
  /**
   * Copies the current content aside as `<location>.bad-<stamp>` before a rewrite, so a corrupt
   * or hand-edited file is never lost. Returns the copy's path, or null when there was nothing to copy.
   */
  keepBadCopy(stamp: string): string | null;
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}

export function createFileSettingsBackend(path: string): SettingsBackend {
  return {
    location: path,
    read() {
      try {
        return readFileSync(path, 'utf8');
      } catch (error) {
        if (isErrnoException(error) && error.code === 'ENOENT') return null;
        throw error;
      }
    },
    write(text) {
      writeFileAtomicSync(path, text);
    },
    keepBadCopy(stamp) {
      const copy = `${path}.bad-${stamp}`;
      try {
        copyFileSync(path, copy, constants.COPYFILE_EXCL);
      } catch (error) {
        // The file vanished since it was read: nothing left to keep.
        if (isErrnoException(error) && error.code === 'ENOENT') return null;
        throw error;
      }
      return copy;
    },
  };
}
