/**
 * Reads a request body up to a hard limit and parses it as JSON or form fields. Past the limit it
 * stops collecting (the rest is drained, never buffered) and reports 'too_large'.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type RawBody = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large' };

export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<RawBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ kind: 'too_large' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const onData = (chunk: Buffer): void => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolve({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (done) return;
      done = true;
      resolve({ kind: 'ok', bytes: Buffer.concat(chunks, size) });
    });
    req.on('error', (err) => {
      if (done) return;
      done = true;
      reject(err);
    });
  });
}

export type ContentKind = 'json' | 'form' | 'other' | 'none';

export function contentKind(contentType: string | undefined): ContentKind {
  if (contentType === undefined || contentType.trim() === '') return 'none';
  const media = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (media === 'application/json' || media.endsWith('+json')) return 'json';
  if (media === 'application/x-www-form-urlencoded') return 'form';
  return 'other';
}

export type ParsedBody = { kind: 'ok'; body: unknown } | { kind: 'invalid' };

/** Form fields to a plain object; a repeated field keeps its last value. */
export function parseForm(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of new URLSearchParams(text)) out[k] = v;
  return { ...out };
}

/**
 * JSON must be an object; form bodies become an object of strings. An empty body is "no body".
 * A body with no content type, or any other content type, is invalid (§0A.1).
 */
export function parseBody(bytes: Buffer, contentType: string | undefined): ParsedBody {
  if (bytes.length === 0) return { kind: 'ok', body: undefined };
  const kind = contentKind(contentType);
  const text = bytes.toString('utf8');
  if (kind === 'form') return { kind: 'ok', body: parseForm(text) };
  if (kind !== 'json') return { kind: 'invalid' };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'invalid' };
    return { kind: 'ok', body: value };
  } catch {
    return { kind: 'invalid' };
  }
}
