/**
 * The renderer's one way to the terminal, chosen once: Electron's preload (`window.pos`) or, in a
 * browser, a shim over the browser host with the identical interface. The host's per-launch secret
 * comes in the URL fragment; it is kept in memory only and the fragment is cleared at once.
 */
import { buildPosApi } from '../shared/ipc/pos-api-builder';
import type { PosApi } from '../shared/ipc/contract';

const SECRET_HEADER = 'x-pos-secret';

function takeSecretFromFragment(): string | null {
  const match = /(?:^#|&)k=([0-9a-f]{64})(?:&|$)/.exec(window.location.hash);
  if (window.location.hash !== '') {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return match?.[1] ?? null;
}

function browserHostApi(): PosApi {
  const secret = takeSecretFromFragment();
  return buildPosApi(async (channel, request) => {
    if (secret === null) throw new Error('no secret');
    const response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret },
      body: JSON.stringify(request),
      credentials: 'omit',
      cache: 'no-store',
    });
    return response.json();
  });
}

export const pos: PosApi = window.pos ?? browserHostApi();
