/**
 * Typed keychain failures, with a message IT can act on. A message never contains a secret: the
 * keychain's own text is kept only after every secret of the call is cut out of it.
 */

export type VaultErrorCode =
  'keychain_locked' | 'keychain_unavailable' | 'keychain_denied' | 'keychain_timeout' | 'invalid_credentials';

const ADVICE: Record<VaultErrorCode, string> = {
  keychain_locked: 'The OS keychain is locked. Unlock it (sign in to the desktop session) and try again.',
  keychain_unavailable:
    'The OS keychain is not available. On Linux the terminal needs libsecret-1-0 and a running Secret Service (such as gnome-keyring) with a default keyring.',
  keychain_denied: 'The OS keychain refused access to the Flexiti credentials.',
  keychain_timeout: 'The OS keychain did not answer in time; it may be locked or waiting for a prompt.',
  invalid_credentials: 'The merchant credentials are not valid.',
};

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    /** The keychain's own words, secrets removed, for IT; empty when there are none. */
    readonly detail: string = '',
  ) {
    super(detail === '' ? ADVICE[code] : `${ADVICE[code]} (${detail})`);
    this.name = 'VaultError';
  }
}

/**
 * Messages seen from libsecret/gnome-keyring (Linux), Keychain Services (macOS) and the Windows
 * Credential Manager, most specific first.
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, VaultErrorCode]> = [
  // gnome-keyring: "Cannot create an item in a locked collection"; macOS errSecInteractionNotAllowed.
  [
    /locked collection|collection is locked|keychain is locked|is locked|interaction is not allowed|-25308/i,
    'keychain_locked',
  ],
  // D-Bus AccessDenied, a dismissed unlock prompt, macOS errSecAuthFailed / user cancel, Windows "Access is denied".
  [
    /access(?:denied| is denied| denied)|permission denied|not authori[sz]ed|prompt (?:was )?dismissed|dismissed|user cancel|operation was cancel|-25293|-128\b/i,
    'keychain_denied',
  ],
  // No session bus, no Secret Service on the bus, no default keyring, libsecret missing.
  [
    /d-?bus|org\.freedesktop\.secrets|serviceunknown|no such interface|object does not exist|libsecret|shared object|secret service/i,
    'keychain_unavailable',
  ],
];

export function classifyKeychainMessage(message: string): VaultErrorCode {
  for (const [pattern, code] of PATTERNS) {
    if (pattern.test(message)) return code;
  }
  return 'keychain_unavailable';
}

/** Turns whatever the keychain threw into a VaultError, cutting `secrets` out of its text. */
export function toVaultError(error: unknown, secrets: readonly string[] = []): VaultError {
  if (error instanceof VaultError) return error;
  let text = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) {
    if (secret.length > 0) text = text.split(secret).join('[redacted]');
  }
  text = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  return new VaultError(classifyKeychainMessage(text), text);
}
