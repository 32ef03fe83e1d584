/**
 * Replaces a file so that a crash or power cut leaves either the old or the new content, never a
 * mix: write a temporary file in the same folder, flush it to disk, then rename it over the target.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Temporary files are named `<name>.tmp-<random>` so a leftover one is easy to recognise. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `${basename(target)}.tmp-${randomBytes(6).toString('hex')}`);
}

export function writeFileAtomicSync(target: string, text: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  let renamed = false;
  try {
    const fd = openSync(temp, 'wx', 0o644);
    try {
      writeSync(fd, text, null, 'utf8');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    renamed = true;
    syncDirectory(dirname(target));
  } finally {
    if (!renamed) rmSync(temp, { force: true });
  }
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync; NTFS journals renames. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: some file systems refuse fsync on a directory.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
