/**
 * The application form as the cashier types it (strings, as inputs hold them) and its check into
 * the `applicant` the submit channel takes. Each problem is a message key a cashier understands.
 */
import type { Applicant, LicencePrefill } from '../../../shared/ipc/channels/application';
import { isProvinceCode, normalizePostalCode, postalCodeMatchesProvince } from '../../../shared/provinces';
import type { MessageKey } from '../../i18n/en';
import type { Locale } from '../../i18n/i18n';
import { parseAmountInput } from '../../money-input';

export interface FormValues {
  salutation: string;
  firstName: string;
  middleName: string;
  lastName: string;
  dob: string;
  address1: string;
  address2: string;
  city: string;
  province: string;
  postalCode: string;
  phoneNumber: string;
  email: string;
  preferredLanguage: '' | 'en' | 'fr';
  housingType: string;
  monthlyHousingCost: string;
  occupationId: string;
  employer: string;
  annualIncome: string;
  govidType: string;
  govidIssuedBy: string;
  /** Empty after a scan: main still holds the scanned number. */
  govidNumber: string;
  govidExpiry: string;
  securityId: string;
  securityAnswer: string;
  insuranceOptIn: boolean;
}

export type FieldName = keyof FormValues;
export type FormProblems = Partial<Record<FieldName, MessageKey>>;

export const EMPTY_FORM: FormValues = {
  salutation: '',
  firstName: '',
  middleName: '',
  lastName: '',
  dob: '',
  address1: '',
  address2: '',
  city: '',
  province: '',
  postalCode: '',
  phoneNumber: '',
  email: '',
  preferredLanguage: '',
  housingType: '',
  monthlyHousingCost: '',
  occupationId: '',
  employer: '',
  annualIncome: '',
  govidType: '',
  govidIssuedBy: '',
  govidNumber: '',
  govidExpiry: '',
  securityId: '',
  securityAnswer: '',
  insuranceOptIn: false,
};

/** Flexiti takes names and addresses in plain ASCII: accents are dropped, as on a card's embossing. */
export function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7E]/g, '');
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'-])([a-z])/g, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** The form after a licence scan: names and address in the case people write them. */
export function applyPrefill(values: FormValues, prefill: LicencePrefill): FormValues {
  const name = (text: string | undefined, fallback: string) => (text ? titleCase(toAscii(text)) : fallback);
  return {
    ...values,
    firstName: name(prefill.firstName, values.firstName),
    // Kept as read: a middle name may carry codes the lender asked for.
    middleName: prefill.middleName ? toAscii(prefill.middleName) : values.middleName,
    lastName: name(prefill.lastName, values.lastName),
    dob: prefill.dob ?? values.dob,
    address1: name(prefill.address1, values.address1),
    city: name(prefill.city, values.city),
    province: prefill.province && isProvinceCode(prefill.province) ? prefill.province : values.province,
    postalCode: prefill.postalCode
      ? (normalizePostalCode(prefill.postalCode) ?? prefill.postalCode)
      : values.postalCode,
    govidType: prefill.govidType ?? values.govidType,
    govidIssuedBy: prefill.govidIssuedBy ?? values.govidIssuedBy,
    govidNumber: prefill.govidNumberMasked ? '' : values.govidNumber,
    govidExpiry: prefill.govidExpiry ?? values.govidExpiry,
  };
}

const ASCII = /^[\x20-\x7E]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_-]{1,20}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function validDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Dollars as typed, to cents; zero is a real answer here (no rent, no income). */
function amountOf(text: string, locale: Locale): number | null {
  if (/^\s*\$?\s*0+(?:[.,]0{1,2})?\s*\$?\s*$/.test(text)) return 0;
  return parseAmountInput(text, locale);
}

export interface CheckContext {
  locale: Locale;
  /** Today, YYYY-MM-DD. */
  today: string;
  /** A licence number was scanned in this application and waits in main. */
  scannedNumber: boolean;
}

export type CheckResult = { ok: true; applicant: Applicant } | { ok: false; problems: FormProblems };

/** Checks the whole form; optional fields are checked only when filled in. */
export function checkForm(v: FormValues, ctx: CheckContext): CheckResult {
  const problems: FormProblems = {};
  const text = (field: FieldName, value: string, max: number, required: boolean): string | undefined => {
    const trimmed = value.trim();
    if (trimmed === '') {
      if (required) problems[field] = 'application.problem.required';
      return undefined;
    }
    if (!ASCII.test(trimmed)) problems[field] = 'application.problem.ascii';
    else if (trimmed.length > max) problems[field] = 'application.problem.tooLong';
    return trimmed;
  };
  const choice = (field: FieldName, value: string): string => {
    if (!CODE.test(value)) problems[field] = 'application.problem.choose';
    return value;
  };

  const salutation = v.salutation && CODE.test(v.salutation) ? v.salutation : undefined;
  const firstName = text('firstName', v.firstName, 35, true);
  const middleName = text('middleName', v.middleName, 35, false);
  const lastName = text('lastName', v.lastName, 50, true);
  const dob = v.dob.trim();
  if (!validDate(dob)) problems.dob = 'application.problem.date';
  else if (dob >= ctx.today) problems.dob = 'application.problem.dobFuture';
  const address1 = text('address1', v.address1, 250, true);
  const address2 = text('address2', v.address2, 100, false);
  const city = text('city', v.city, 100, true);
  const province = v.province;
  if (!isProvinceCode(province)) problems.province = 'application.problem.choose';
  const postal = normalizePostalCode(v.postalCode);
  if (!postal) problems.postalCode = 'application.problem.postalCode';
  else if (isProvinceCode(province) && !postalCodeMatchesProvince(postal, province))
    problems.postalCode = 'application.problem.postalProvince';
  const phone = v.phoneNumber.replace(/[\s().+-]/g, '').replace(/^1(?=\d{10}$)/, '');
  if (!/^\d{10}$/.test(phone)) problems.phoneNumber = 'application.problem.phone';
  const email = v.email.trim();
  if (!EMAIL.test(email) || !ASCII.test(email) || email.length > 100)
    problems.email = 'application.problem.email';
  const housingType = choice('housingType', v.housingType);
  const housing = amountOf(v.monthlyHousingCost, ctx.locale);
  if (housing === null) problems.monthlyHousingCost = 'application.problem.amount';
  const occupationId = choice('occupationId', v.occupationId);
  const employer = text('employer', v.employer, 100, false);
  const income = amountOf(v.annualIncome, ctx.locale);
  if (income === null) problems.annualIncome = 'application.problem.amount';
  const govidType = choice('govidType', v.govidType);
  const govidIssuedBy = choice('govidIssuedBy', v.govidIssuedBy);
  const govidNumber = text('govidNumber', v.govidNumber, 50, !ctx.scannedNumber);
  const govidExpiry = v.govidExpiry.trim();
  if (govidExpiry !== '' && !validDate(govidExpiry)) problems.govidExpiry = 'application.problem.date';
  else if (govidExpiry !== '' && govidExpiry < ctx.today)
    problems.govidExpiry = 'application.problem.idExpired';
  const securityId = choice('securityId', v.securityId);
  const securityAnswer = text('securityAnswer', v.securityAnswer, 50, true);

  if (Object.keys(problems).length > 0 || !firstName || !lastName || !address1 || !city || !securityAnswer)
    return { ok: false, problems };
  if (!isProvinceCode(province) || !postal) return { ok: false, problems };

  const applicant: Applicant = {
    firstName,
    lastName,
    dob,
    address1,
    city,
    province,
    postalCode: postal,
    phoneNumber: phone,
    email,
    housingType,
    monthlyHousingCostCents: housing ?? 0,
    occupationId,
    annualIncomeCents: income ?? 0,
    govidType,
    govidIssuedBy,
    securityId,
    securityAnswer,
    insuranceOptIn: v.insuranceOptIn,
    ...(salutation ? { salutation } : {}),
    ...(middleName ? { middleName } : {}),
    ...(address2 ? { address2 } : {}),
    ...(v.preferredLanguage ? { preferredLanguage: v.preferredLanguage } : {}),
    ...(employer ? { employer } : {}),
    ...(govidNumber ? { govidNumber } : {}),
    ...(govidExpiry ? { govidExpiry } : {}),
  };
  return { ok: true, applicant };
}
