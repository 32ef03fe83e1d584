/** The audit trail's actions, in the order the filter lists them. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_out',
  'customer_lookup',
  'verify_method',
  'application_submitted',
  'application_decision',
  'authorization',
  'capture',
  'release',
  'return',
  'refund',
  'account_close',
  'settings_change',
  'manager_approval',
  'reconciliation',
  'day_close',
] as const;
