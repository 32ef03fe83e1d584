import { describe, expect, it } from 'vitest';
import {
  VaultError,
  classifyKeychainMessage,
  toVaultError,
} from '../../../src/main/core/credentials/vault-error';

describe('keychain error classification', () => {
  it.each([
    // libsecret / gnome-keyring, as seen on this project's CI
    ['Cannot create an item in a locked collection', 'keychain_locked'],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'keychain_unavailable'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'keychain_unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'keychain_unavailable'],
    ["No such interface 'org.freedesktop.Secret.Collection' on object at path /", 'keychain_unavailable'],
    ['libsecret-1.so.0: cannot open shared object file: No such file or directory', 'keychain_unavailable'],
    ['GDBus.Error:org.freedesktop.DBus.Error.AccessDenied: Rejected send message', 'keychain_denied'],
    ['The prompt was dismissed', 'keychain_denied'],
    // macOS Keychain Services and Windows Credential Manager
    ['User interaction is not allowed.', 'keychain_locked'],
    ['User canceled the operation.', 'keychain_denied'],
    ['Access is denied.', 'keychain_denied'],
    ['something nobody has seen before', 'keychain_unavailable'],
  ])('%s -> %s', (message, code) => {
    expect(classifyKeychainMessage(message)).toBe(code);
  });

  it('cuts the secrets of the call out of the keychain text', () => {
    const error = toVaultError(new Error('failed to store hunter2-secret for service x'), ['hunter2-secret']);
    expect(error).toBeInstanceOf(VaultError);
    expect(error.message).not.toContain('hunter2-secret');
    expect(error.detail).toContain('[redacted]');
  });

  it('keeps a VaultError as it is', () => {
    const original = new VaultError('keychain_timeout');
    expect(toVaultError(original)).toBe(original);
  });
});
