/**
 * The i18n payload of §0A.6 (lang=en), verbatim.
 */
import type { I18nPayload } from './i18n-types';

export const I18N_EN: I18nPayload = {
  salutations: {
    mr: 'Mr.',
    ms: 'Ms.',
    mrs: 'Mrs.',
    mss: 'Miss.',
  },
  provinces: {
    AB: 'Alberta',
    BC: 'British Columbia',
    MB: 'Manitoba',
    NB: 'New Brunswick',
    NL: 'Newfoundland & Labrador',
    NS: 'Nova Scotia',
    NT: 'Northwest Territories',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Prince Edward Island',
    QC: 'Quebec',
    SK: 'Saskatchewan',
    YT: 'Yukon Territory',
  },
  security_ids: {
    '4': 'What is the name of your favourite childhood friend?',
    '5': 'What is the country of your ultimate dream vacation?',
    '6': 'What was the first concert you attended?',
    '7': 'What is the name of the street you grew up on?',
    '8': 'What is the name of your first grade teacher?',
    '9': 'What is your favourite movie?',
  },
  govid_types: {
    CADL: "Driver's Licence",
    CAHC: 'Health Card',
    CAPID: 'Provincial ID Card',
    CAP: 'Passport',
    CAPRC: 'Permanent Resident Card',
    CAICBC: 'Insurance Corporation of British Columbia',
    CAAR: 'Alberta Registries',
    CASGI: 'Saskatchewan Government Insurance',
    CADSNS: 'Department of Service Nova Scotia and Municipal Relations',
    CADPPEI: 'Department of Transportation and Public Works of the Province of Prince Edward Island',
    CASNB: 'Service New Brunswick',
    CADGSNF: 'Department of Government Services and Lands of the Province of Newfoundland and Labrador',
    CADTNW: 'Department of Transportation of the Northwest Territories',
    CADCTN: 'Department of Community Government and Transportation of the Territory of Nunavut',
    CACSC: "Correctional Service Canada identification card (with the individual's name and photograph)",
    CAGCEC: "Government of Canada employee identity card (with the individual's name and photograph)",
    CALCB: 'Liquor Control Board Age of Majority (BYID) card',
    CACFL: 'Canadian Firearms licence',
    CACFID: 'Canadian Forces identification card',
    CAMPIC: 'MPIC card issued by the Manitoba Public Insurance Corporation',
    CACAID: 'NEXUS or CANPASS Air membership card (issued by Canada Border Services Agency)',
  },
  govid_issued_bys: {
    option_depends: {
      CADL: {
        AB: 'Alberta',
        BC: 'British Columbia',
        MB: 'Manitoba',
        NB: 'New Brunswick',
        NL: 'Newfoundland & Labrador',
        NS: 'Nova Scotia',
        NT: 'Northwest Territories',
        NU: 'Nunavut',
        ON: 'Ontario',
        PE: 'Prince Edward Island',
        QC: 'Quebec',
        SK: 'Saskatchewan',
        YT: 'Yukon Territory',
      },
      CAHC: {
        BC: 'British Columbia',
        NB: 'New Brunswick',
        NL: 'Newfoundland & Labrador',
        NT: 'Northwest Territories',
        NU: 'Nunavut',
        QC: 'Quebec',
        SK: 'Saskatchewan',
        YT: 'Yukon Territory',
      },
      CAPID: {
        ON: 'Ontario',
      },
      CAP: {
        CANADA: 'Canada',
      },
      CAPRC: {
        CANADA: 'Canada',
      },
      CAICBC: {
        BC: 'British Columbia',
      },
      CAAR: {
        AB: 'Alberta',
      },
      CASGI: {
        SK: 'Saskatchewan',
      },
      CADSNS: {
        NS: 'Nova Scotia',
      },
      CADPPEI: {
        PE: 'Prince Edward Island',
      },
      CASNB: {
        NB: 'New Brunswick',
      },
      CADGSNF: {
        NL: 'Newfoundland & Labrador',
      },
      CADTNW: {
        NT: 'Northwest Territories',
      },
      CADCTN: {
        NU: 'Nunavut',
      },
      CACSC: {
        CANADA: 'Canada',
      },
      CAGCEC: {
        CANADA: 'Canada',
      },
      CALCB: {
        AB: 'Alberta',
        BC: 'British Columbia',
        MB: 'Manitoba',
        NB: 'New Brunswick',
        NL: 'Newfoundland & Labrador',
        NS: 'Nova Scotia',
        NT: 'Northwest Territories',
        NU: 'Nunavut',
        ON: 'Ontario',
        PE: 'Prince Edward Island',
        QC: 'Quebec',
        SK: 'Saskatchewan',
        YT: 'Yukon Territory',
      },
      CACFL: {
        CANADA: 'Canada',
      },
      CACFID: {
        CANADA: 'Canada',
      },
      CAMPIC: {
        MB: 'Manitoba',
      },
      CACAID: {
        CANADA: 'Canada',
      },
    },
  },
  occupation_ids: {
    options: {
      FE: 'Full-time Employment',
      PE: 'Part-time Employment',
      SE: 'Self-Employed',
      RT: 'Retired',
      ST: 'Student',
      HM: 'Homemaker',
      DS: 'Disability',
      SW: 'Seasonal Worker',
      UE: 'Unemployed with income',
      UW: 'Unemployed without income',
      OT: 'Other',
    },
  },
  transaction_types: {
    promotional_purchase: 'Financed Purchase',
    regular_purchase: 'Revolving Purchase',
  },
  plan_ids: {
    '1': '90 Days Grace, Equal Payments Regular Interest',
    '2': 'Equal Payments, Low Interest',
    '4': 'Equal Payments, Regular Interest',
    '5': 'Equal Payments, No Interest',
    '6': 'No Interest, No Payments (S.A.C.)',
    '7': 'No Interest, No Payments',
    '9': 'No Interest, Minimum monthly payments',
  },
  qcpa_disclosure:
    'Quebec residents: you may cancel this credit contract at no cost or penalty within two days after the day on which you receive a copy of it.',
  insurance:
    'Optional payment protection insurance can cover your payments if you lose your job, become disabled or become critically ill. It is not required to obtain credit.',
  insurance_tc:
    'If you enrol, a monthly premium is charged to your account. You may cancel at any time. Limits and exclusions apply; see the certificate of insurance.',
  annual_fees:
    'An annual fee may apply to your account. The amount, if any, is shown in your Cardholder Agreement and on your statements.',
  housing_type: {
    Rent: 'Rent',
    Owned: 'Owned',
    Relatives: 'Lives with Relatives',
    Other: 'Other',
  },
};
