/**
 * Issuer identification numbers (AAMVA's IIN list) for every Canadian province and territory and
 * every US state, plus DC and the US territories.
 */

export interface Issuer {
  jurisdiction: string;
  country: 'CAN' | 'USA';
  name: string;
}

const CAN = (jurisdiction: string, name: string): Issuer => ({ jurisdiction, country: 'CAN', name });
const USA = (jurisdiction: string, name: string): Issuer => ({ jurisdiction, country: 'USA', name });

export const ISSUERS: Readonly<Record<string, Issuer>> = {
  '604426': CAN('PE', 'Prince Edward Island'),
  '604428': CAN('QC', 'Quebec'),
  '604429': CAN('YT', 'Yukon'),
  '604432': CAN('AB', 'Alberta'),
  '604433': CAN('NU', 'Nunavut'),
  '604434': CAN('NT', 'Northwest Territories'),
  '636012': CAN('ON', 'Ontario'),
  '636013': CAN('NS', 'Nova Scotia'),
  '636016': CAN('NL', 'Newfoundland and Labrador'),
  '636017': CAN('NB', 'New Brunswick'),
  '636028': CAN('BC', 'British Columbia'),
  '636044': CAN('SK', 'Saskatchewan'),
  '636048': CAN('MB', 'Manitoba'),
  // Alberta's non-ISO test issuer, seen on its published sample card.
  '990876': CAN('AB', 'Alberta'),

  '604427': USA('AS', 'American Samoa'),
  '604430': USA('MP', 'Northern Mariana Islands'),
  '604431': USA('PR', 'Puerto Rico'),
  '636000': USA('VA', 'Virginia'),
  '636001': USA('NY', 'New York'),
  '636002': USA('MA', 'Massachusetts'),
  '636003': USA('MD', 'Maryland'),
  '636004': USA('NC', 'North Carolina'),
  '636005': USA('SC', 'South Carolina'),
  '636006': USA('CT', 'Connecticut'),
  '636007': USA('LA', 'Louisiana'),
  '636008': USA('MT', 'Montana'),
  '636009': USA('NM', 'New Mexico'),
  '636010': USA('FL', 'Florida'),
  '636011': USA('DE', 'Delaware'),
  '636014': USA('CA', 'California'),
  '636015': USA('TX', 'Texas'),
  '636018': USA('IA', 'Iowa'),
  '636019': USA('GU', 'Guam'),
  '636020': USA('CO', 'Colorado'),
  '636021': USA('AR', 'Arkansas'),
  '636022': USA('KS', 'Kansas'),
  '636023': USA('OH', 'Ohio'),
  '636024': USA('VT', 'Vermont'),
  '636025': USA('PA', 'Pennsylvania'),
  '636026': USA('AZ', 'Arizona'),
  '636029': USA('OR', 'Oregon'),
  '636030': USA('MO', 'Missouri'),
  '636031': USA('WI', 'Wisconsin'),
  '636032': USA('MI', 'Michigan'),
  '636033': USA('AL', 'Alabama'),
  '636034': USA('ND', 'North Dakota'),
  '636035': USA('IL', 'Illinois'),
  '636036': USA('NJ', 'New Jersey'),
  '636037': USA('IN', 'Indiana'),
  '636038': USA('MN', 'Minnesota'),
  '636039': USA('NH', 'New Hampshire'),
  '636040': USA('UT', 'Utah'),
  '636041': USA('ME', 'Maine'),
  '636042': USA('SD', 'South Dakota'),
  '636043': USA('DC', 'District of Columbia'),
  '636045': USA('WA', 'Washington'),
  '636046': USA('KY', 'Kentucky'),
  '636047': USA('HI', 'Hawaii'),
  '636049': USA('NV', 'Nevada'),
  '636050': USA('ID', 'Idaho'),
  '636051': USA('MS', 'Mississippi'),
  '636052': USA('RI', 'Rhode Island'),
  '636053': USA('TN', 'Tennessee'),
  '636054': USA('NE', 'Nebraska'),
  '636055': USA('GA', 'Georgia'),
  '636058': USA('OK', 'Oklahoma'),
  '636059': USA('AK', 'Alaska'),
  '636060': USA('WY', 'Wyoming'),
  '636061': USA('WV', 'West Virginia'),
  '636062': USA('VI', 'US Virgin Islands'),
};

export function issuerForIin(iin: string): Issuer | undefined {
  return Object.prototype.hasOwnProperty.call(ISSUERS, iin) ? ISSUERS[iin] : undefined;
}

const BY_JURISDICTION: ReadonlyMap<string, Issuer & { iin: string }> = new Map(
  Object.entries(ISSUERS)
    .filter(([iin]) => iin !== '990876')
    .map(([iin, issuer]) => [issuer.jurisdiction, { ...issuer, iin }]),
);

/** The issuer for a two-letter province or state code, e.g. 'ON' -> 636012. */
export function issuerForJurisdiction(code: string): (Issuer & { iin: string }) | undefined {
  return BY_JURISDICTION.get(code.trim().toUpperCase());
}
