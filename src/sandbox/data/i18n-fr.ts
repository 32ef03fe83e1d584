/**
 * The i18n payload of §0A.6 (lang=fr), verbatim. option_depends repeats the English structure with the French province names.
 */
import type { I18nPayload } from './i18n-types';

export const I18N_FR: I18nPayload = {
  salutations: {
    mr: 'M.',
    ms: 'Mme',
    mrs: 'Mme',
    mss: 'Mlle',
  },
  provinces: {
    AB: 'Alberta',
    BC: 'Colombie-Britannique',
    MB: 'Manitoba',
    NB: 'Nouveau-Brunswick',
    NL: 'Terre-Neuve-et-Labrador',
    NS: 'Nouvelle-Écosse',
    NT: 'Territoires du Nord-Ouest',
    NU: 'Nunavut',
    ON: 'Ontario',
    PE: 'Île-du-Prince-Édouard',
    QC: 'Québec',
    SK: 'Saskatchewan',
    YT: 'Territoire du Yukon',
  },
  security_ids: {
    '4': "Quel est le nom de votre ami d'enfance préféré?",
    '5': 'Quel est le pays de vos vacances de rêve?',
    '6': 'Quel a été le premier concert auquel vous avez assisté?',
    '7': 'Quel est le nom de la rue où vous avez grandi?',
    '8': 'Quel est le nom de votre enseignant de première année?',
    '9': 'Quel est votre film préféré?',
  },
  govid_types: {
    CADL: 'Permis de conduire',
    CAHC: "Carte d'assurance maladie",
    CAPID: "Carte d'identité provinciale",
    CAP: 'Passeport',
    CAPRC: 'Carte de résident permanent',
    CAICBC: 'Insurance Corporation of British Columbia (ICBC)',
    CAAR: 'Alberta Registries',
    CASGI: 'Saskatchewan Government Insurance (SGI)',
    CADSNS: 'Ministère de Service Nouvelle-Écosse et des Relations avec les municipalités',
    CADPPEI: "Ministère des Transports et des Travaux publics de l'Île-du-Prince-Édouard",
    CASNB: 'Service Nouveau-Brunswick',
    CADGSNF: 'Ministère des Services gouvernementaux et des Terres de Terre-Neuve-et-Labrador',
    CADTNW: 'Ministère des Transports des Territoires du Nord-Ouest',
    CADCTN: 'Ministère des Services communautaires et gouvernementaux et des Transports du Nunavut',
    CACSC: "Carte d'identité du Service correctionnel du Canada (avec le nom et la photo du titulaire)",
    CAGCEC: "Carte d'identité d'employé du gouvernement du Canada (avec le nom et la photo du titulaire)",
    CALCB: "Carte d'âge de la majorité (BYID) de la régie des alcools",
    CACFL: "Permis d'armes à feu canadien",
    CACFID: "Carte d'identité des Forces canadiennes",
    CAMPIC: "Carte de la Société d'assurance publique du Manitoba (SAPM)",
    CACAID: "Carte de membre NEXUS ou CANPASS Air (délivrée par l'Agence des services frontaliers du Canada)",
  },
  govid_issued_bys: {
    option_depends: {
      CADL: {
        AB: 'Alberta',
        BC: 'Colombie-Britannique',
        MB: 'Manitoba',
        NB: 'Nouveau-Brunswick',
        NL: 'Terre-Neuve-et-Labrador',
        NS: 'Nouvelle-Écosse',
        NT: 'Territoires du Nord-Ouest',
        NU: 'Nunavut',
        ON: 'Ontario',
        PE: 'Île-du-Prince-Édouard',
        QC: 'Québec',
        SK: 'Saskatchewan',
        YT: 'Territoire du Yukon',
      },
      CAHC: {
        BC: 'Colombie-Britannique',
        NB: 'Nouveau-Brunswick',
        NL: 'Terre-Neuve-et-Labrador',
        NT: 'Territoires du Nord-Ouest',
        NU: 'Nunavut',
        QC: 'Québec',
        SK: 'Saskatchewan',
        YT: 'Territoire du Yukon',
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
        BC: 'Colombie-Britannique',
      },
      CAAR: {
        AB: 'Alberta',
      },
      CASGI: {
        SK: 'Saskatchewan',
      },
      CADSNS: {
        NS: 'Nouvelle-Écosse',
      },
      CADPPEI: {
        PE: 'Île-du-Prince-Édouard',
      },
      CASNB: {
        NB: 'Nouveau-Brunswick',
      },
      CADGSNF: {
        NL: 'Terre-Neuve-et-Labrador',
      },
      CADTNW: {
        NT: 'Territoires du Nord-Ouest',
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
        BC: 'Colombie-Britannique',
        MB: 'Manitoba',
        NB: 'Nouveau-Brunswick',
        NL: 'Terre-Neuve-et-Labrador',
        NS: 'Nouvelle-Écosse',
        NT: 'Territoires du Nord-Ouest',
        NU: 'Nunavut',
        ON: 'Ontario',
        PE: 'Île-du-Prince-Édouard',
        QC: 'Québec',
        SK: 'Saskatchewan',
        YT: 'Territoire du Yukon',
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
      FE: 'Emploi à temps plein',
      PE: 'Emploi à temps partiel',
      SE: 'Travailleur autonome',
      RT: 'Retraité',
      ST: 'Étudiant',
      HM: 'Personne au foyer',
      DS: 'Invalidité',
      SW: 'Travailleur saisonnier',
      UE: 'Sans emploi, avec revenu',
      UW: 'Sans emploi, sans revenu',
      OT: 'Autre',
    },
  },
  transaction_types: {
    promotional_purchase: 'Achat financé',
    regular_purchase: 'Achat renouvelable',
  },
  plan_ids: {
    '1': 'Délai de grâce de 90 jours, versements égaux, intérêt régulier',
    '2': 'Versements égaux, faible intérêt',
    '4': 'Versements égaux, intérêt régulier',
    '5': 'Versements égaux, sans intérêt',
    '6': 'Sans intérêt ni versement (S.A.C.)',
    '7': 'Sans intérêt ni versement',
    '9': 'Sans intérêt, versements mensuels minimums',
  },
  qcpa_disclosure:
    'Résidents du Québec : vous pouvez résoudre ce contrat de crédit sans frais ni pénalité dans les deux jours qui suivent celui où vous en recevez un double.',
  insurance:
    "L'assurance protection de paiement facultative peut couvrir vos versements si vous perdez votre emploi, devenez invalide ou êtes atteint d'une maladie grave. Elle n'est pas requise pour obtenir du crédit.",
  insurance_tc:
    "Si vous adhérez, une prime mensuelle est portée à votre compte. Vous pouvez annuler en tout temps. Des limites et exclusions s'appliquent; consultez le certificat d'assurance.",
  annual_fees:
    "Des frais annuels peuvent s'appliquer à votre compte. Le cas échéant, leur montant figure dans votre convention du titulaire de carte et sur vos relevés.",
  housing_type: {
    Rent: 'Locataire',
    Owned: 'Propriétaire',
    Relatives: 'Habite avec de la famille',
    Other: 'Autre',
  },
};
