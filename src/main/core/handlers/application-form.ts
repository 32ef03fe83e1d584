/** The application form's values from Flexiti's i18n tree (§0A.6), as code/label lists. */
import type { ApplicationFormData, FormOption } from '../../../shared/ipc/channels/application';
import type { I18nTree } from '../flexiti/schemas/reference-data-schemas';

type Node = string | I18nTree | undefined;

function child(node: Node, key: string): Node {
  return node !== undefined && typeof node !== 'string' && Object.hasOwn(node, key) ? node[key] : undefined;
}

function optionsOf(node: Node): FormOption[] {
  if (node === undefined || typeof node === 'string') return [];
  const out: FormOption[] = [];
  for (const [code, label] of Object.entries(node)) {
    if (typeof label === 'string' && code.length <= 40) out.push({ code, label: label.slice(0, 300) });
    if (out.length >= 100) break;
  }
  return out;
}

function textOf(node: Node): string | undefined {
  return typeof node === 'string' ? node.slice(0, 4000) : undefined;
}

export function applicationFormData(tree: I18nTree, language: 'en' | 'fr'): ApplicationFormData {
  const govidIssuers: ApplicationFormData['govidIssuers'] = {};
  const depends = child(child(tree, 'govid_issued_bys'), 'option_depends');
  if (depends !== undefined && typeof depends !== 'string') {
    for (const [type, issuers] of Object.entries(depends).slice(0, 100)) {
      if (type.length <= 20) govidIssuers[type] = optionsOf(issuers);
    }
  }
  const texts: ApplicationFormData['texts'] = {};
  const insurance = textOf(child(tree, 'insurance'));
  if (insurance) texts.insurance = insurance;
  const insuranceTc = textOf(child(tree, 'insurance_tc'));
  if (insuranceTc) texts.insuranceTc = insuranceTc;
  const annualFees = textOf(child(tree, 'annual_fees'));
  if (annualFees) texts.annualFees = annualFees;
  const qcpa = textOf(child(tree, 'qcpa_disclosure'));
  if (qcpa) texts.qcpaDisclosure = qcpa;
  return {
    language,
    salutations: optionsOf(child(tree, 'salutations')),
    provinces: optionsOf(child(tree, 'provinces')),
    securityQuestions: optionsOf(child(tree, 'security_ids')),
    govidTypes: optionsOf(child(tree, 'govid_types')),
    govidIssuers,
    occupations: optionsOf(child(child(tree, 'occupation_ids'), 'options')),
    housingTypes: optionsOf(child(tree, 'housing_type')),
    texts,
  };
}
