/**
 * Serves the built renderer from one folder and nothing outside it: the path is decoded once,
 * anything with `..`, a backslash or a NUL is refused, and the resolved file must sit under the root.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export type StaticResult =
  { kind: 'file'; body: Buffer; contentType: string } | { kind: 'not_found' } | { kind: 'refused' };

export async function readStatic(root: string, rawPath: string): Promise<StaticResult> {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused' };
  }
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part === '..')) {
    return { kind: 'refused' };
  }
  if (path === '/' || path === '') path = '/index.html';
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return { kind: 'not_found' };
  }
  const candidate = resolve(realRoot, `.${path}`);
  if (!candidate.startsWith(realRoot + sep)) return { kind: 'refused' };
  try {
    // realpath: a symlink inside the folder must not lead out of it.
    const real = await realpath(candidate);
    if (!real.startsWith(realRoot + sep)) return { kind: 'refused' };
    if (!(await stat(real)).isFile()) return { kind: 'not_found' };
    const contentType = TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
    return { kind: 'file', body: await readFile(real), contentType };
  } catch {
    return { kind: 'not_found' };
  }
}
