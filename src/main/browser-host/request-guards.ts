/**
 * The browser host's gate: a page on another site must not be able to drive the terminal through
 * the loopback port. Host is checked against DNS rebinding, Origin against cross-site requests, and
 * every API call needs the per-launch secret (compared in constant time).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const SECRET_HEADER = 'x-pos-secret';

export interface GuardConfig {
  port: number;
  secret: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? undefined : value;
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Only our own loopback names: a rebound DNS name arrives with its own Host header. */
export function hostAllowed(headers: IncomingHttpHeaders, port: number): boolean {
  const host = header(headers, 'host');
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/** Same origin only: browsers send Origin on every POST, so a missing one is not our page either. */
export function originAllowed(headers: IncomingHttpHeaders, port: number): boolean {
  const origin = header(headers, 'origin');
  const host = header(headers, 'host');
  if (origin === undefined || host === undefined) return false;
  const ownOrigins = [...allowedHosts(port)].map((name) => `http://${name}`);
  if (!ownOrigins.includes(origin) || origin !== `http://${host.toLowerCase()}`) return false;
  const site = header(headers, 'sec-fetch-site');
  return site === undefined || site === 'same-origin';
}

export function secretMatches(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = header(headers, SECRET_HEADER);
  if (given === undefined) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
