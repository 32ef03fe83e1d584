/** The credit application form's own checks and the licence prefill, before anything goes to main. */
import { describe, expect, it } from 'vitest';
import { applicantSchema } from '../../../src/shared/ipc/channels/application';
import {
  applyPrefill,
  checkForm,
  EMPTY_FORM,
  toAscii,
  type FormValues,
} from '../../../src/renderer/screens/application/application-form-values';

const TODAY = '2026-12-01';
const ctx = { locale: 'en' as const, today: TODAY, scannedNumber: false };

const FILLED: FormValues = {
  ...EMPTY_FORM,
  firstName: 'Avery',
  lastName: 'Tester',
  dob: '1990-04-12',
  address1: '10 King St W',
  city: 'Toronto',
  province: 'ON',
  postalCode: 'm5h1a1',
  phoneNumber: '(416) 555-0199',
  email: 'avery@example.com',
  housingType: 'Rent',
  monthlyHousingCost: '1,500',
  occupationId: 'FE',
  annualIncome: '65,000.50',
  govidType: 'CADL',
  govidIssuedBy: 'ON',
  govidNumber: 'W4821-73950-60417',
  securityId: '4',
  securityAnswer: 'Robin',
};

describe('checkForm', () => {
  it('turns a complete form into an applicant the channel accepts, amounts in cents', () => {
    const result = checkForm(FILLED, ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.applicant).toMatchObject({
      postalCode: 'M5H 1A1',
      phoneNumber: '4165550199',
      monthlyHousingCostCents: 150_000,
      annualIncomeCents: 6_500_050,
      insuranceOptIn: false,
    });
    expect(applicantSchema.safeParse(result.applicant).success).toBe(true);
    // Optional fields left empty are simply absent.
    for (const key of [
      'salutation',
      'middleName',
      'address2',
      'employer',
      'govidExpiry',
      'preferredLanguage',
    ])
      expect(result.applicant).not.toHaveProperty(key);
  });

  it('takes zero as a housing cost and reads French amounts', () => {
    const result = checkForm(
      { ...FILLED, monthlyHousingCost: '0', annualIncome: '58 000,25' },
      { ...ctx, locale: 'fr' },
    );
    expect(result.ok && result.applicant.monthlyHousingCostCents).toBe(0);
    expect(result.ok && result.applicant.annualIncomeCents).toBe(5_800_025);
  });

  it('names each problem in words a cashier understands', () => {
    const result = checkForm(
      {
        ...FILLED,
        firstName: '',
        lastName: 'Bélanger',
        dob: '2030-01-01',
        postalCode: 'H2X 1Y4',
        phoneNumber: '555-0199',
        email: 'avery@',
        monthlyHousingCost: '-5',
        occupationId: '',
        govidExpiry: '2020-01-01',
      },
      ctx,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual({
      firstName: 'application.problem.required',
      lastName: 'application.problem.ascii',
      dob: 'application.problem.dobFuture',
      postalCode: 'application.problem.postalProvince',
      phoneNumber: 'application.problem.phone',
      email: 'application.problem.email',
      monthlyHousingCost: 'application.problem.amount',
      occupationId: 'application.problem.choose',
      govidExpiry: 'application.problem.idExpired',
    });
  });

  it('needs an ID number only when no licence was scanned', () => {
    const typed = checkForm({ ...FILLED, govidNumber: '' }, ctx);
    expect(typed.ok ? null : typed.problems.govidNumber).toBe('application.problem.required');
    const scanned = checkForm({ ...FILLED, govidNumber: '' }, { ...ctx, scannedNumber: true });
    expect(scanned.ok && 'govidNumber' in scanned.applicant).toBe(false);
  });

  it('refuses impossible dates', () => {
    const result = checkForm({ ...FILLED, dob: '1990-02-30' }, ctx);
    expect(result.ok ? null : result.problems.dob).toBe('application.problem.date');
  });
});

describe('applyPrefill', () => {
  it('writes names as people do, keeps the middle name as read and never the licence number', () => {
    const values = applyPrefill(
      { ...EMPTY_FORM, govidNumber: 'typed-before' },
      {
        firstName: 'ÉLODIE',
        middleName: 'A-RR_L',
        lastName: "O'NEIL-CÔTÉ",
        dob: '1990-04-12',
        address1: '55 UNIVERSITY AVE',
        city: 'TORONTO',
        province: 'ON',
        postalCode: 'm5j2h7',
        govidType: 'CADL',
        govidIssuedBy: 'ON',
        govidNumberMasked: '•••• 0905',
        govidExpiry: '2030-05-15',
      },
    );
    expect(values).toMatchObject({
      firstName: 'Elodie',
      middleName: 'A-RR_L',
      lastName: "O'Neil-Cote",
      address1: '55 University Ave',
      city: 'Toronto',
      province: 'ON',
      postalCode: 'M5J 2H7',
      govidNumber: '',
      govidExpiry: '2030-05-15',
    });
  });

  it('ignores a province that is not Canadian', () => {
    expect(applyPrefill(EMPTY_FORM, { province: 'NY' }).province).toBe('');
  });
});

describe('toAscii', () => {
  it('drops accents and anything outside printable ASCII', () => {
    expect(toAscii('Bélanger-Côté')).toBe('Belanger-Cote');
    expect(toAscii('Ça\u0000va')).toBe('Cava');
  });
});
