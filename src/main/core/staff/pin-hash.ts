/**
 * PIN hashing with scrypt: slow on purpose and salted per person, so a copied staff database does
 * not give away 4-digit PINs in seconds. The cost is stored with the hash so it can be raised later.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PinHashParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_PIN_HASH_PARAMS: Readonly<PinHashParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const KEY_LENGTH = 32;

function scryptAsync(pin: string, salt: Buffer, params: PinHashParams): Promise<Buffer> {
  // maxmem above 128*N*r: Node's default (32 MiB) is exactly too small for N=2^15, r=8.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export interface PinHash {
  salt: Buffer;
  hash: Buffer;
  params: PinHashParams;
}

export async function hashPin(
  pin: string,
  params: PinHashParams = DEFAULT_PIN_HASH_PARAMS,
): Promise<PinHash> {
  const salt = randomBytes(16);
  return { salt, hash: await scryptAsync(pin, salt, params), params: { ...params } };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const candidate = await scryptAsync(pin, stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
