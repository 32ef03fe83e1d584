/**
 * A decoded licence as the application form's prefill. The licence number is split off: it goes
 * into the draft in main, and the renderer sees only its last 4 characters.
 */
import { MASK_DOTS } from '../../../shared/masking';
import type { LicencePrefill } from '../../../shared/ipc/channels/application';
import type { Licence } from '../../../shared/licence/aamva';
import type { LicenceData } from '../flexiti/schemas/customer-schemas';

export interface DecodedLicence {
  prefill: LicencePrefill;
  /** Kept in main's memory only, for the submit. */
  licenceNumber?: string;
}

const clip = (value: string | undefined, max: number): string | undefined => {
  const text = value?.trim();
  return text ? text.slice(0, max) : undefined;
};

function maskedNumber(value: string): string {
  const clean = value.replace(/[\s-]/g, '');
  return clean.length > 4 ? `${MASK_DOTS} ${clean.slice(-4)}` : MASK_DOTS;
}

function build(
  fields: Record<keyof LicencePrefill, string | undefined>,
  licenceNumber?: string,
): DecodedLicence {
  const prefill: LicencePrefill = {};
  for (const [key, value] of Object.entries(fields) as [keyof LicencePrefill, string | undefined][]) {
    if (value !== undefined && key !== 'govidNumberMasked') prefill[key] = value;
  }
  const number = clip(licenceNumber, 50);
  if (number) prefill.govidNumberMasked = maskedNumber(number);
  return number ? { prefill, licenceNumber: number } : { prefill };
}

/** Dates as YYYY-MM-DD only (anything else is left for the cashier to type). */
const isoDate = (value: string | undefined): string | undefined =>
  value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined;

export function fromFlexiti(data: LicenceData): DecodedLicence {
  return build(
    {
      firstName: clip(data.firstName, 35),
      middleName: clip(data.middleName, 35),
      lastName: clip(data.lastName, 50),
      dob: isoDate(data.dob),
      address1: clip(data.address1, 250),
      city: clip(data.city, 100),
      province: clip(data.province, 2),
      postalCode: clip(data.postalCode, 10),
      govidType: clip(data.govidType, 20),
      govidIssuedBy: clip(data.govidIssuedBy, 20),
      govidNumberMasked: undefined,
      govidExpiry: isoDate(data.govidExpiry),
    },
    data.govidNumber,
  );
}

export function fromLocal(licence: Licence): DecodedLicence {
  const canadian = licence.country === 'CAN';
  return build(
    {
      firstName: clip(licence.firstName, 35),
      middleName: clip(licence.middleName, 35),
      lastName: clip(licence.lastName, 50),
      dob: isoDate(licence.dateOfBirth),
      address1: clip(licence.address.street, 250),
      city: clip(licence.address.city, 100),
      province: canadian ? clip(licence.address.province, 2) : undefined,
      postalCode: canadian ? clip(licence.address.postalCode, 10) : undefined,
      govidType: canadian ? 'CADL' : undefined,
      govidIssuedBy: canadian ? clip(licence.jurisdiction, 20) : undefined,
      govidNumberMasked: undefined,
      govidExpiry: isoDate(licence.expiryDate),
    },
    licence.licenceNumber,
  );
}
