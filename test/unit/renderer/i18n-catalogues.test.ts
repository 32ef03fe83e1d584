/** Every English string has a French one, and the placeholders match. */
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../../src/renderer/i18n/en';
import { fr } from '../../../src/renderer/i18n/fr';
import { ACCOUNT_STATUSES } from '../../../src/shared/ipc/channels/customers';
import { errorCategorySchema } from '../../../src/shared/app-error';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n catalogues', () => {
  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have the same placeholders and no empty text', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
      expect(en[key].trim(), key).not.toBe('');
      expect(fr[key].trim(), key).not.toBe('');
    }
  });

  it('cover every error category and account status', () => {
    for (const category of errorCategorySchema.options)
      expect(Object.hasOwn(en, `error.${category}`), category).toBe(true);
    for (const status of ACCOUNT_STATUSES) expect(Object.hasOwn(en, `status.${status}`), status).toBe(true);
  });
});
