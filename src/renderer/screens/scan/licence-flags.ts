/**
 * What the terminal itself sees on a scanned licence before anything is sent: expired, or a customer
 * under the province's age of majority. Only these facts are kept, never the barcode text.
 */
import { checkLicence } from '../../../shared/licence/licence-checks';
import { parseAamva } from '../../../shared/licence/aamva';
import { ageOfMajority } from '../../../shared/provinces';

export interface LicenceFlags {
  /** The local parser could read it (Flexiti may read what it cannot). */
  readable: boolean;
  expired: boolean;
  underAge: boolean;
  /** The age of majority that applied (18 or 19). */
  majority: number;
}

export function licenceFlags(raw: string, today: string): LicenceFlags {
  const parsed = parseAamva(raw);
  if (!parsed.ok) return { readable: false, expired: false, underAge: false, majority: 18 };
  const { licence } = parsed;
  const check = checkLicence(licence, today);
  const majority = ageOfMajority(licence.address.province) ?? ageOfMajority(licence.jurisdiction) ?? 18;
  return { readable: true, expired: check.expired, underAge: check.underAge, majority };
}

/** For the camera: keep scanning past barcodes that are not a licence. */
export function looksLikeLicence(raw: string): boolean {
  return parseAamva(raw).ok;
}
