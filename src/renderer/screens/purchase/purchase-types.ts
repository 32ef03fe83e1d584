/** What the purchase journey carries from one step to the next. */
import type { AccountView } from '../../../shared/ipc/channels/customers';
import type { PlanView, TermView } from '../../../shared/ipc/channels/pricing';
import type { AuthorizationView } from '../../../shared/ipc/channels/purchase';
import type { ResponseOf } from '../../../shared/ipc/contract';

export type Pricing = ResponseOf<'pricing.calculate'>;
export type RegularPurchaseView = NonNullable<Pricing['regularPurchase']>;

/** The customer and the flow found on the lookup screen. */
export interface PurchaseCustomer {
  flowId: string;
  referenceId: string;
  account: AccountView;
}

export type Choice = { kind: 'plan'; plan: PlanView; term: TermView } | { kind: 'regular' };

export type Step =
  | { kind: 'amount' }
  | { kind: 'plans' }
  | { kind: 'verify' }
  | { kind: 'confirm' }
  | { kind: 'result'; authorization: AuthorizationView }
  | { kind: 'receipt'; authorization: AuthorizationView };
