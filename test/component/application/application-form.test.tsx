/**
 * The credit application typed by hand, then its terms: the checks a cashier meets (postal code
 * against province, phone, dates, amounts), optional fields left empty, and consent to every term.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../src/shared/ipc/contract';
import { ApplicationJourney } from '../../../src/renderer/screens/application/ApplicationJourney';
import { formData, newFlow } from '../support/application-data';
import { createFakePos, type FakePos } from '../support/fake-pos';
import { isoFromToday } from '../support/licences';
import { renderScreen, type RenderedScreen } from '../support/render-screen';
import { expectNoSeriousAxeViolations } from '../support/axe';

type Terms = ResponseOf<'application.terms'>;

function termsFor(province: string, language: 'en' | 'fr'): Terms {
  const term = (lang: 'en' | 'fr', id: string, title: string) => ({
    id,
    title,
    version: '2026-09',
    bodyHtml: `<h2>${title}</h2><h3>${lang === 'fr' ? 'Votre compte' : 'Your account'}</h3><p>${lang === 'fr' ? 'Texte complet.' : 'Full text.'}</p>`,
  });
  const en = {
    language: 'en' as const,
    terms: [term('en', 'tos', 'Account terms'), term('en', 'privacy', 'Privacy')],
  };
  const fr = {
    language: 'fr' as const,
    terms: [term('fr', 'tos', 'Conditions du compte'), term('fr', 'privacy', 'Confidentialité')],
  };
  // Quebec: French first, then English; elsewhere, the customer's language only.
  if (province === 'QC') return { sets: [fr, en] };
  return { sets: [language === 'fr' ? fr : en] };
}

function applicationPos(): FakePos {
  return createFakePos()
    .on('application.formData', ({ language }) => formData(language))
    .on('application.terms', ({ province, language }) => termsFor(province, language ?? 'en'))
    .on('application.submit', () => ({
      decision: 'approved',
      applicationId: 'APP-30001',
      account: { accountRef: 'acct_0a1b2c3d4e5f6a7b', cardMasked: '•••• 2208', creditLimitCents: 300_000 },
    }))
    .on('application.abandon', { abandoned: true })
    .on('flow.setCustomerLanguage', ({ language }) => ({ language }));
}

async function openForm(locale: 'en' | 'fr' = 'en'): Promise<RenderedScreen> {
  const r = renderScreen(
    <ApplicationJourney flow={newFlow()} onPurchase={() => undefined} onExit={() => undefined} />,
    { pos: applicationPos(), locale },
  );
  await r.user.click(screen.getByRole('button', { name: r.t('scan.manual') }));
  await screen.findByTestId('application-form');
  return r;
}

const VALID = {
  firstName: 'Priya',
  lastName: 'Patel',
  dob: '1990-07-04',
  address1: '88 King St E',
  city: 'Hamilton',
  province: 'ON',
  postalCode: 'l8n 1a7',
  phone: '+1 (416) 555-0199',
  email: 'priya@example.com',
  housingType: 'RENT',
  housing: '1,250',
  occupation: 'EMP',
  income: '0',
  govidType: 'CADL',
  govidIssuedBy: 'ON',
  govidNumber: 'P1234-72099-20704',
  securityId: 'PET',
  securityAnswer: 'Biscuit',
};

type Values = typeof VALID;

async function fill(r: RenderedScreen, values: Partial<Values>): Promise<void> {
  const { t, user } = r;
  const text: [keyof Values, Parameters<typeof t>[0]][] = [
    ['firstName', 'application.field.firstName'],
    ['lastName', 'application.field.lastName'],
    ['dob', 'application.field.dob'],
    ['address1', 'application.field.address1'],
    ['city', 'application.field.city'],
    ['postalCode', 'application.field.postalCode'],
    ['phone', 'application.field.phone'],
    ['email', 'application.field.email'],
    ['housing', 'application.field.monthlyHousingCost'],
    ['income', 'application.field.annualIncome'],
    ['govidNumber', 'application.field.govidNumber'],
    ['securityAnswer', 'application.field.securityAnswer'],
  ];
  const select: [keyof Values, Parameters<typeof t>[0]][] = [
    ['province', 'application.field.province'],
    ['housingType', 'application.field.housingType'],
    ['occupation', 'application.field.occupation'],
    ['govidType', 'application.field.govidType'],
    ['govidIssuedBy', 'application.field.govidIssuedBy'],
    ['securityId', 'application.field.securityQuestion'],
  ];
  for (const [field, label] of select) {
    const value = values[field];
    // By label: role queries are slow on a form this size in jsdom.
    if (value !== undefined) await user.selectOptions(screen.getByLabelText(t(label)), value);
  }
  for (const [field, label] of text) {
    const value = values[field];
    if (value === undefined) continue;
    const box = screen.getByLabelText(t(label));
    await user.clear(box);
    // Pasted rather than typed key by key: the form's checks run on "Next", not per key.
    if (value !== '') await user.paste(value);
  }
}

function problemOf(label: string): string | null {
  const box = screen.getByLabelText(label);
  if (box.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (box.getAttribute('aria-describedby') ?? '').split(' ');
  const problem = ids
    .map((id) => document.getElementById(id))
    .find((el) => el?.className === 'field-problem');
  return problem?.textContent ?? null;
}

const next = (r: RenderedScreen) =>
  r.user.click(screen.getByRole('button', { name: r.t('application.form.next') }));

describe('Credit application form', () => {
  it('takes a valid applicant with the optional fields empty, then needs every term accepted', async () => {
    const r = await openForm();
    await fill(r, VALID);
    await next(r);

    await screen.findByTestId('terms-step');
    // The body's own copy of the title is dropped; its other headings stay.
    expect(screen.getAllByRole('heading', { name: 'Account terms' })).toHaveLength(1);
    expect(screen.getAllByRole('heading', { name: 'Your account' })).toHaveLength(2);
    const send = screen.getByRole('button', { name: r.t('application.submit') });
    await r.user.click(send);
    expect(screen.getByRole('alert').textContent).toBe(r.t('application.terms.missing'));
    expect(r.pos.calls('application.submit')).toEqual([]);

    await r.user.click(
      screen.getByRole('checkbox', { name: r.t('application.terms.accept', { title: 'Account terms' }) }),
    );
    await r.user.click(send);
    expect(r.pos.calls('application.submit')).toEqual([]);
    await r.user.click(
      screen.getByRole('checkbox', { name: r.t('application.terms.accept', { title: 'Privacy' }) }),
    );
    expect(screen.queryByText(r.t('application.terms.missing'))).toBeNull();
    await r.user.click(send);

    await screen.findByTestId('decision-approved');
    const [submitted] = r.pos.calls('application.submit');
    expect(submitted?.applicant).toEqual({
      firstName: 'Priya',
      lastName: 'Patel',
      dob: '1990-07-04',
      address1: '88 King St E',
      city: 'Hamilton',
      province: 'ON',
      postalCode: 'L8N 1A7',
      phoneNumber: '4165550199',
      email: 'priya@example.com',
      housingType: 'RENT',
      monthlyHousingCostCents: 125_000,
      occupationId: 'EMP',
      annualIncomeCents: 0,
      govidType: 'CADL',
      govidIssuedBy: 'ON',
      govidNumber: 'P1234-72099-20704',
      securityId: 'PET',
      securityAnswer: 'Biscuit',
      insuranceOptIn: false,
    });
    expect(submitted?.consent).toEqual({
      terms: [
        { id: 'tos', version: '2026-09' },
        { id: 'privacy', version: '2026-09' },
      ],
      language: 'en',
      tosAgreement: true,
      creditConsent: true,
    });
  });

  it('refuses a postal code from another province, says so beside it, and moves the focus there', async () => {
    const r = await openForm();
    await fill(r, { ...VALID, postalCode: 'H2X 1Y4' });
    await next(r);

    const postal = r.t('application.field.postalCode');
    expect(problemOf(postal)).toBe(r.t('application.problem.postalProvince'));
    expect(screen.getByTestId('form-problems').textContent).toBe(r.t('application.form.problemOne'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(postal)));
    await expectNoSeriousAxeViolations('application form with a problem');
    expect(r.pos.calls('application.terms')).toEqual([]);

    // The same code is right for Quebec.
    await fill(r, { province: 'QC', govidIssuedBy: 'QC' });
    await next(r);
    await screen.findByTestId('terms-step');
    expect(r.pos.calls('application.terms')[0]?.province).toBe('QC');
  });

  it('checks the phone number, the dates and the amounts', async () => {
    const r = await openForm();
    await fill(r, {
      ...VALID,
      phone: '416 555 01',
      dob: isoFromToday(0, 1),
      housing: '12.345',
    });
    await r.user.type(screen.getByLabelText(r.t('application.field.govidExpiry')), isoFromToday(0, -1));
    await next(r);

    expect(problemOf(r.t('application.field.phone'))).toBe(r.t('application.problem.phone'));
    expect(problemOf(r.t('application.field.dob'))).toBe(r.t('application.problem.dobFuture'));
    expect(problemOf(r.t('application.field.monthlyHousingCost'))).toBe(r.t('application.problem.amount'));
    expect(problemOf(r.t('application.field.govidExpiry'))).toBe(r.t('application.problem.idExpired'));

    await fill(r, { phone: '4165550199', dob: '1990-02-30', housing: '1250' });
    await next(r);
    expect(problemOf(r.t('application.field.phone'))).toBeNull();
    expect(problemOf(r.t('application.field.dob'))).toBe(r.t('application.problem.date'));
    expect(problemOf(r.t('application.field.monthlyHousingCost'))).toBeNull();
  });

  it('marks only the required fields when nothing is filled in', async () => {
    const r = await openForm();
    await next(r);

    for (const key of [
      'application.field.firstName',
      'application.field.lastName',
      'application.field.address1',
      'application.field.city',
      'application.field.securityAnswer',
      'application.field.govidNumber',
    ] as const) {
      expect(problemOf(r.t(key)), key).toBe(r.t('application.problem.required'));
    }
    for (const key of [
      'application.field.middleName',
      'application.field.address2',
      'application.field.employer',
      'application.field.govidExpiry',
      'application.field.salutation',
      'application.field.preferredLanguage',
    ] as const) {
      expect(problemOf(r.t(key)), key).toBeNull();
    }
    expect(r.pos.log.filter((call) => call.channel !== 'application.formData')).toEqual([]);
  });

  it('reads in French, and shows Quebec’s terms in French first', async () => {
    const r = await openForm('fr');
    expect(r.pos.calls('application.formData')[0]?.language).toBe('fr');
    const form = screen.getByTestId('application-form');
    expect(within(form).getByRole('button', { name: r.t('application.form.next') }).textContent).toBe(
      'Suivant : les conditions',
    );
    // In French "1,250" is one dollar and a quarter, with a third decimal: written 1 250 instead.
    await fill(r, { ...VALID, province: 'QC', govidIssuedBy: 'QC', postalCode: 'K1A 0B1', housing: '1,250' });
    await next(r);
    expect(problemOf(r.t('application.field.postalCode'))).toBe(r.t('application.problem.postalProvince'));
    expect(problemOf(r.t('application.field.monthlyHousingCost'))).toBe(r.t('application.problem.amount'));

    await fill(r, { postalCode: 'H2X 1Y4', housing: '1 250' });
    await next(r);
    const terms = await screen.findByTestId('terms-step');
    const sets = within(terms)
      .getAllByTestId(/^terms-(en|fr)$/)
      .map((el) => el.getAttribute('data-testid'));
    expect(sets).toEqual(['terms-fr', 'terms-en']);
  });
});
