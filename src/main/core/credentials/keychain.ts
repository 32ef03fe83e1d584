/**
 * The three keychain calls the vault needs, so the OS keychain library can be swapped in one file
 * (keytar is archived; @napi-rs/keyring offers the same calls).
 *
 * keytar's findCredentials/findPassword are deliberately not used: on a locked Secret Service
 * collection keytar 7.9 dereferences a missing secret and crashes the whole process.
 */
export interface Keychain {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

let loading: Promise<Keychain> | null = null;

/**
 * keytar, loaded on first use: a missing libsecret then becomes a `keychain_unavailable` error
 * for the settings screen instead of a crash at start-up.
 */
export function loadKeytar(): Promise<Keychain> {
  loading ??= import('keytar').then((module) => module.default);
  // A failed load is not cached, so installing libsecret does not need a restart.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
