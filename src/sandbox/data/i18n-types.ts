/** The shape of the i18n answer (§0A.6); both languages have the same keys and codes. */
export interface I18nPayload {
  salutations: Record<string, string>;
  provinces: Record<string, string>;
  security_ids: Record<string, string>;
  govid_types: Record<string, string>;
  govid_issued_bys: { option_depends: Record<string, Record<string, string>> };
  occupation_ids: { options: Record<string, string> };
  transaction_types: Record<string, string>;
  plan_ids: Record<string, string>;
  qcpa_disclosure: string;
  insurance: string;
  insurance_tc: string;
  annual_fees: string;
  housing_type: Record<string, string>;
}
