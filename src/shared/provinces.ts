/**
 * Canada's 13 provinces and territories: names, postal-code first letters and age of majority.
 * Shared by the licence parser, the age check and the application form.
 */

export const PROVINCE_CODES = [
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
] as const;

export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export interface Province {
  code: ProvinceCode;
  nameEn: string;
  nameFr: string;
  /** First letters of the province's postal codes (the forward sortation area's district). */
  postalLetters: readonly string[];
  ageOfMajority: 18 | 19;
}

export const PROVINCES: Readonly<Record<ProvinceCode, Province>> = {
  AB: { code: 'AB', nameEn: 'Alberta', nameFr: 'Alberta', postalLetters: ['T'], ageOfMajority: 18 },
  BC: {
    code: 'BC',
    nameEn: 'British Columbia',
    nameFr: 'Colombie-Britannique',
    postalLetters: ['V'],
    ageOfMajority: 19,
  },
  MB: { code: 'MB', nameEn: 'Manitoba', nameFr: 'Manitoba', postalLetters: ['R'], ageOfMajority: 18 },
  NB: {
    code: 'NB',
    nameEn: 'New Brunswick',
    nameFr: 'Nouveau-Brunswick',
    postalLetters: ['E'],
    ageOfMajority: 19,
  },
  NL: {
    code: 'NL',
    nameEn: 'Newfoundland and Labrador',
    nameFr: 'Terre-Neuve-et-Labrador',
    postalLetters: ['A'],
    ageOfMajority: 19,
  },
  NS: {
    code: 'NS',
    nameEn: 'Nova Scotia',
    nameFr: 'Nouvelle-Écosse',
    postalLetters: ['B'],
    ageOfMajority: 19,
  },
  NT: {
    code: 'NT',
    nameEn: 'Northwest Territories',
    nameFr: 'Territoires du Nord-Ouest',
    postalLetters: ['X'],
    ageOfMajority: 19,
  },
  NU: { code: 'NU', nameEn: 'Nunavut', nameFr: 'Nunavut', postalLetters: ['X'], ageOfMajority: 19 },
  ON: {
    code: 'ON',
    nameEn: 'Ontario',
    nameFr: 'Ontario',
    postalLetters: ['K', 'L', 'M', 'N', 'P'],
    ageOfMajority: 18,
  },
  PE: {
    code: 'PE',
    nameEn: 'Prince Edward Island',
    nameFr: 'Île-du-Prince-Édouard',
    postalLetters: ['C'],
    ageOfMajority: 18,
  },
  QC: { code: 'QC', nameEn: 'Quebec', nameFr: 'Québec', postalLetters: ['G', 'H', 'J'], ageOfMajority: 18 },
  SK: { code: 'SK', nameEn: 'Saskatchewan', nameFr: 'Saskatchewan', postalLetters: ['S'], ageOfMajority: 18 },
  YT: { code: 'YT', nameEn: 'Yukon', nameFr: 'Yukon', postalLetters: ['Y'], ageOfMajority: 19 },
};

const CODE_SET: ReadonlySet<string> = new Set(PROVINCE_CODES);

export function isProvinceCode(value: unknown): value is ProvinceCode {
  return typeof value === 'string' && CODE_SET.has(value);
}

/** 18 or 19 for a province code (case-insensitive); null for anything else. */
export function ageOfMajority(code: string): 18 | 19 | null {
  const upper = code.trim().toUpperCase();
  return isProvinceCode(upper) ? PROVINCES[upper].ageOfMajority : null;
}

// Canada Post: D, F, I, O, Q, U never appear; W and Z never start a code.
const POSTAL = /^([ABCEGHJ-NPRSTVXY])(\d)([ABCEGHJ-NPRSTV-Z]) ?(\d)([ABCEGHJ-NPRSTV-Z])(\d)$/;

/** 'm5j2h7', 'M5J 2H7', ' m5j-2h7 ' -> 'M5J 2H7'; anything that is not a Canadian postal code -> null. */
export function normalizePostalCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 20) return null;
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  const match = POSTAL.exec(compact);
  if (!match) return null;
  const [, a, b, c, d, e, f] = match;
  return `${a}${b}${c} ${d}${e}${f}`;
}

/** True when the postal code is valid and its first letter belongs to the province. */
export function postalCodeMatchesProvince(postal: string, code: string): boolean {
  const normalized = normalizePostalCode(postal);
  const upper = typeof code === 'string' ? code.trim().toUpperCase() : '';
  if (!normalized || !isProvinceCode(upper)) return false;
  return PROVINCES[upper].postalLetters.includes(normalized.charAt(0));
}
