/** Which plain message the approval dialog shows for a refused `approval.request`. */
export type ApprovalErrorKey =
  'wrong_pin' | 'pin_locked_out' | 'approver_not_manager' | 'approver_is_caller' | 'other';

export function approvalErrorKey(code: string): ApprovalErrorKey {
  switch (code) {
    case 'wrong_pin':
    case 'pin_locked_out':
    case 'approver_not_manager':
    case 'approver_is_caller':
      return code;
    // A malformed id or PIN is refused by the channel before any check: it reads as a wrong PIN.
    case 'invalid_request':
      return 'wrong_pin';
    default:
      return 'other';
  }
}
