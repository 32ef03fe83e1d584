import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { JournalError } from './journal-errors';

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES + TAG_BYTES;

/**
 * AES-256-GCM for the journal's sealed columns. A sealed value is
 * version (1 byte) | nonce (12) | tag (16) | ciphertext. The associated data binds each value to
 * its row, so a ciphertext copied into another row does not open.
 */
export class JournalCipher {
  private readonly key: KeyObject;

  constructor(key: Buffer) {
    if (!Buffer.isBuffer(key) || key.length !== 32) {
      throw new JournalError('key_invalid', 'The journal key must be exactly 32 bytes.');
    }
    // A KeyObject copies the bytes, so the caller may wipe its buffer.
    this.key = createSecretKey(Buffer.from(key));
  }

  seal(plain: Buffer, associated: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associated, 'utf8'));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), nonce, cipher.getAuthTag(), body]);
  }

  /** Throws JournalError('decrypt_failed') for a wrong key, a tampered value or a value from another row. */
  open(sealed: Buffer, associated: string): Buffer {
    if (sealed.length < HEADER_BYTES || sealed[0] !== VERSION) {
      throw new JournalError('decrypt_failed', 'A sealed journal value is malformed.');
    }
    const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
    const tag = sealed.subarray(1 + NONCE_BYTES, HEADER_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associated, 'utf8'));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(sealed.subarray(HEADER_BYTES)), decipher.final()]);
    } catch {
      throw new JournalError(
        'decrypt_failed',
        'A sealed journal value does not open with this key (wrong key or tampered data).',
      );
    }
  }
}
