import { describe, expect, it } from 'vitest';
import { approvalErrorKey } from '../../../src/renderer/approval-error';
import { en } from '../../../src/renderer/i18n/en';

describe('approvalErrorKey', () => {
  it('gives each refusal of approval.request its own message', () => {
    for (const code of ['wrong_pin', 'pin_locked_out', 'approver_not_manager', 'approver_is_caller']) {
      const key = approvalErrorKey(code);
      expect(key).toBe(code);
      expect(Object.hasOwn(en, `approval.error.${key}`)).toBe(true);
    }
  });

  it('reads a malformed id or PIN as a wrong PIN, and anything else as a general error', () => {
    expect(approvalErrorKey('invalid_request')).toBe('wrong_pin');
    expect(approvalErrorKey('sign_in_required')).toBe('other');
    expect(approvalErrorKey('flexiti_down')).toBe('other');
  });
});
