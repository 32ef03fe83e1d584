/** Flexiti's application lists as main serves them, trimmed to what the tests choose from. */
import type { ResponseOf } from '../../../src/shared/ipc/contract';

let flows = 0;

/** A customer flow of its own for each test: screens remember choices (the language) by flow. */
export function newFlow(): { flowId: string; referenceId: string } {
  flows += 1;
  return { flowId: `flow_test_${String(flows).padStart(8, '0')}`, referenceId: `REF-T${flows}` };
}

export function formData(language: 'en' | 'fr'): ResponseOf<'application.formData'> {
  const fr = language === 'fr';
  return {
    language,
    salutations: [
      { code: 'MR', label: fr ? 'M.' : 'Mr.' },
      { code: 'MS', label: fr ? 'Mme' : 'Ms.' },
    ],
    provinces: [
      { code: 'ON', label: 'Ontario' },
      { code: 'QC', label: 'Québec' },
      { code: 'BC', label: fr ? 'Colombie-Britannique' : 'British Columbia' },
    ],
    securityQuestions: [
      { code: 'PET', label: fr ? 'Nom de votre premier animal' : 'Name of your first pet' },
    ],
    govidTypes: [{ code: 'CADL', label: fr ? 'Permis de conduire' : 'Driver’s licence' }],
    govidIssuers: {
      CADL: [
        { code: 'ON', label: 'Ontario' },
        { code: 'QC', label: 'Québec' },
        { code: 'BC', label: fr ? 'Colombie-Britannique' : 'British Columbia' },
      ],
    },
    occupations: [{ code: 'EMP', label: fr ? 'Salarié' : 'Employed' }],
    housingTypes: [{ code: 'RENT', label: fr ? 'Locataire' : 'Rent' }],
    texts: {},
  };
}
