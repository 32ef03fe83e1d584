/**
 * What went wrong reading the settings or the provisioning file. The terminal still starts (on
 * safe defaults); the UI shows the problem by its code, which it translates.
 */

export const SETTINGS_PROBLEM_CODES = [
  /** The settings file is not JSON, or not a JSON object: every field fell back to its default. */
  'settings_corrupt',
  /** Some fields were invalid or unknown: those fell back to defaults, the rest were kept. */
  'settings_invalid_field',
  /** The settings file exists but could not be read (permissions, I/O): defaults are in use. */
  'settings_unreadable',
  /** The provisioning file is not JSON or not `{ values, locked }`: every field is locked to its default. */
  'provisioning_corrupt',
  /** Some provisioned values or lock names were invalid: those were ignored (a lock still holds). */
  'provisioning_invalid_field',
  /** The provisioning file exists but could not be read: every field is locked to its default. */
  'provisioning_unreadable',
] as const;

export type SettingsProblemCode = (typeof SETTINGS_PROBLEM_CODES)[number];

export interface SettingsProblem {
  code: SettingsProblemCode;
  /** Where the bad data is (a file path), for IT. */
  location: string;
  /** Dotted field names concerned, when the problem is about fields. */
  fields?: string[];
  /** English, for logs and IT; the UI uses `code`. Never contains a setting's value. */
  message: string;
}
