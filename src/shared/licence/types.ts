/** The parsed licence and the parser's result: the contract shared by the sandbox and the scanning screens. */

export interface LicenceAddress {
  street: string;
  city: string;
  province: string;
  /** 'A1A 1A1' (Canada), 'NNNNN' or 'NNNNN-NNNN' (USA); '' when missing or unreadable. */
  postalCode: string;
}

export interface Licence {
  country: 'CAN' | 'USA';
  /** Two-letter province or state code of the issuer. */
  jurisdiction: string;
  /** Issuer identification number (six digits); '' when garbled. */
  iin: string;
  /** AAMVA version 1-10; 0 for British Columbia's magnetic-stripe layout. */
  aamvaVersion: number;
  firstName: string;
  middleName?: string;
  lastName: string;
  /** ISO YYYY-MM-DD. */
  dateOfBirth: string;
  expiryDate?: string;
  issueDate?: string;
  licenceNumber: string;
  sex?: 'M' | 'F' | 'X';
  address: LicenceAddress;
}

export type ParseErrorCode = 'not_aamva' | 'truncated' | 'unsupported' | 'invalid';

export type ParseResult =
  | { ok: true; licence: Licence; warnings: string[] }
  | { ok: false; error: { code: ParseErrorCode; message: string } };

/** Thrown inside the parser only; aamva.ts turns it into an `ok: false` result. */
export class LicenceParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LicenceParseError';
  }
}

/** Repairs and fallbacks noted while parsing; collected into `warnings`. */
export type Warnings = Set<string>;
