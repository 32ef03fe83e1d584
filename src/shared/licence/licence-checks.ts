/**
 * Expiry and age checks on a parsed licence. The age of majority is the address province's (19 in
 * BC, NB, NL, NS, NT, NU, YT; 18 elsewhere), falling back to the issuing jurisdiction, then 18
 * (US states and unknown codes) since Flexiti lends only to Canadian residents anyway.
 */
import { ageOfMajority } from '../provinces';
import type { Licence } from './types';

export interface LicenceCheck {
  /** True when the expiry date is before today; a licence is valid through its expiry date. */
  expired: boolean;
  underAge: boolean;
  /** Whole years completed on `today`. */
  ageYears: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | null {
  const m = ISO.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Whole years between two ISO dates; someone born on 29 February turns a year older on 1 March. */
export function yearsBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return NaN;
  const [fy, fm, fd] = a;
  const [ty, tm, td] = b;
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

export function checkLicence(
  licence: Pick<Licence, 'dateOfBirth' | 'expiryDate' | 'jurisdiction' | 'address'>,
  today: string,
): LicenceCheck {
  const ageYears = yearsBetween(licence.dateOfBirth, today);
  const majority = ageOfMajority(licence.address.province) ?? ageOfMajority(licence.jurisdiction) ?? 18;
  // ISO dates compare correctly as strings.
  const expired =
    licence.expiryDate !== undefined && ISO.test(licence.expiryDate) && licence.expiryDate < today;
  return { expired, underAge: !(ageYears >= majority), ageYears };
}
