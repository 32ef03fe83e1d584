/**
 * M1 i18n (§0A.6) and M2 terms-and-conditions (§0A.7) over HTTP against a real sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { call, token } from './sandbox-client';

let sandbox: RunningSandbox;
let merchant: string;
let customer: string;

/**
 * The two i18n examples of §0A.6, copied verbatim from the reference into fixtures (the French one
 * without govid_issued_bys, which the reference describes in words).
 */
function referenceI18n(): { en: Record<string, unknown>; fr: Record<string, unknown> } {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../fixtures/i18n/${name}`, import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
  return { en: read('reference-en.json'), fr: read('reference-fr-partial.json') };
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  merchant = await token(sandbox.url);
  customer = await token(sandbox.url, { scope: 'customer' });
});
afterAll(async () => {
  await sandbox.close();
});

describe('i18n', () => {
  it('answers the full English payload of §0A.6 exactly, on GET and POST, for both scopes', async () => {
    const { en } = referenceI18n();
    for (const method of ['GET', 'POST']) {
      for (const t of [merchant, customer]) {
        const res = await call(sandbox.url, method, '/client-id/flexitidemo/i18n', { token: t, lang: 'en' });
        expect(res.status).toBe(200);
        expect(res.body).toEqual(en);
      }
    }
  });

  it('answers French labels with the same keys and codes; option_depends carries the French province names', async () => {
    const { en, fr } = referenceI18n();
    const res = await call(sandbox.url, 'GET', '/client-id/flexitidemo/i18n', {
      token: merchant,
      lang: 'fr',
    });
    expect(res.status).toBe(200);
    const body = res.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(fr)) expect(body[key]).toEqual(fr[key]);
    const depends = (body.govid_issued_bys as { option_depends: Record<string, Record<string, string>> })
      .option_depends;
    const enDepends = (en.govid_issued_bys as { option_depends: Record<string, Record<string, string>> })
      .option_depends;
    expect(Object.keys(depends).sort()).toEqual(Object.keys(enDepends).sort());
    expect(depends.CADL?.QC).toBe('Québec');
    expect(depends.CAHC?.BC).toBe('Colombie-Britannique');
    expect(depends.CAP).toEqual({ CANADA: 'Canada' });
    for (const [type, issuers] of Object.entries(enDepends))
      expect(Object.keys(depends[type] ?? {})).toEqual(Object.keys(issuers));
  });

  it('accepts fr-CA as fr', async () => {
    const res = await call(sandbox.url, 'GET', '/client-id/flexitidemo/i18n/salutations', {
      token: merchant,
      lang: 'fr-CA',
    });
    expect(res.body).toEqual({ salutations: { mr: 'M.', ms: 'Mme', mrs: 'Mme', mss: 'Mlle' } });
  });

  it('answers only the named key, by path or by ?key=', async () => {
    const { en } = referenceI18n();
    const byPath = await call(sandbox.url, 'GET', '/client-id/flexitidemo/i18n/provinces', {
      token: customer,
    });
    expect(byPath.status).toBe(200);
    expect(byPath.body).toEqual({ provinces: en.provinces });
    const byQuery = await call(sandbox.url, 'POST', '/client-id/flexitidemo/i18n?key=qcpa_disclosure', {
      token: merchant,
    });
    expect(byQuery.status).toBe(200);
    expect(byQuery.body).toEqual({ qcpa_disclosure: en.qcpa_disclosure });
  });

  it('gives 404 not_found for an unknown key, a prototype name included', async () => {
    for (const key of ['nope', 'constructor', 'toString']) {
      const res = await call(sandbox.url, 'GET', `/client-id/flexitidemo/i18n/${key}`, { token: merchant });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 404, error: 'not_found' });
    }
  });

  it('refuses a bad lang with 409 wrong_inputs', async () => {
    const res = await call(sandbox.url, 'GET', '/client-id/flexitidemo/i18n', {
      token: merchant,
      lang: 'de',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: 'wrong_inputs' });
    expect(res.body.field_errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ param: 'lang' })]),
    );
  });
});

describe('terms-and-conditions', () => {
  const ALLOWED_TAGS = new Set(['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'a']);

  function tagsOf(html: string): string[] {
    return [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => (m[1] ?? '').toLowerCase());
  }

  interface Term {
    id: string;
    title: string;
    body_html: string;
    version: string;
  }

  it('returns the cardholder agreement and credit consent in order, with only the allowed tags', async () => {
    for (const t of [merchant, customer]) {
      const res = await call<{ terms: Term[] }>(
        sandbox.url,
        'GET',
        '/client-id/flexitidemo/terms-and-conditions',
        {
          token: t,
          lang: 'en',
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.terms.map((x) => x.id)).toEqual(['cardholder_agreement', 'credit_consent']);
      expect(res.body.terms[0]?.title).toBe('Flexiti Cardholder Agreement');
      expect(res.body.terms[1]?.title).toBe('Consent to obtain credit information');
      for (const term of res.body.terms) {
        expect(Object.keys(term).sort()).toEqual(['body_html', 'id', 'title', 'version']);
        expect(typeof term.version).toBe('string');
        expect(term.body_html.length).toBeGreaterThan(20);
        for (const tag of tagsOf(term.body_html)) expect(ALLOWED_TAGS.has(tag)).toBe(true);
      }
    }
  });

  it('adds the Quebec disclosure with province=QC, in French with the French titles', async () => {
    const i18n = await call<{ qcpa_disclosure: string }>(
      sandbox.url,
      'GET',
      '/client-id/flexitidemo/i18n/qcpa_disclosure',
      {
        token: merchant,
        lang: 'fr',
      },
    );
    const res = await call<{ terms: Term[] }>(
      sandbox.url,
      'GET',
      '/client-id/flexitidemo/terms-and-conditions?province=QC',
      { token: merchant, lang: 'fr' },
    );
    expect(res.status).toBe(200);
    expect(res.body.terms.map((x) => x.title)).toEqual([
      'Convention du titulaire de carte Flexiti',
      "Consentement à l'obtention de renseignements de crédit",
      'Divulgation – Loi sur la protection du consommateur du Québec',
    ]);
    expect(res.body.terms[2]?.id).toBe('qcpa_disclosure');
    expect(res.body.terms[2]?.body_html).toContain(i18n.body.qcpa_disclosure);
    const en = await call<{ terms: Term[] }>(
      sandbox.url,
      'GET',
      '/client-id/flexitidemo/terms-and-conditions',
      {
        token: merchant,
        lang: 'en',
      },
    );
    // Localized bodies, not the English text under French titles.
    expect(res.body.terms[0]?.body_html).not.toBe(en.body.terms[0]?.body_html);
  });

  it('leaves the disclosure out for other provinces', async () => {
    const res = await call<{ terms: Term[] }>(
      sandbox.url,
      'GET',
      '/client-id/flexitidemo/terms-and-conditions?province=ON',
      {
        token: merchant,
      },
    );
    expect(res.body.terms.map((x) => x.id)).toEqual(['cardholder_agreement', 'credit_consent']);
  });

  it('refuses a bad province or lang with 409 wrong_inputs', async () => {
    const badProvince = await call(
      sandbox.url,
      'GET',
      '/client-id/flexitidemo/terms-and-conditions?province=XX',
      {
        token: merchant,
      },
    );
    expect(badProvince.status).toBe(409);
    expect(badProvince.body).toMatchObject({
      code: 409,
      error: 'wrong_inputs',
      field_errors: [{ param: 'province', msg: 'invalid', value: 'XX' }],
    });
    const badLang = await call(sandbox.url, 'GET', '/client-id/flexitidemo/terms-and-conditions', {
      token: merchant,
      lang: 'es',
    });
    expect(badLang.status).toBe(409);
    expect(badLang.body).toMatchObject({ error: 'wrong_inputs' });
  });
});
