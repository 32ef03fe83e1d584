/** Why `SettingsStore.update` refused a change. The UI translates `code`; `fields` says where. */
export type SettingsUpdateErrorCode =
  /** A field is locked by the machine's provisioning file. */
  | 'settings_field_locked'
  /** A value breaks its rule (or the combination does: `custom` without a base URL). */
  | 'settings_invalid_value'
  /** The settings (or the copy of a bad file) could not be written; nothing was changed. */
  | 'settings_write_failed';

export class SettingsUpdateError extends Error {
  constructor(
    readonly code: SettingsUpdateErrorCode,
    readonly fields: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'SettingsUpdateError';
  }
}
