/** Flexiti's decision as it stands; the cashier can only read it, never change it. */
import type { ApplicationDecisionView } from '../../../shared/ipc/channels/application';
import { ApprovedDecision } from './ApprovedDecision';
import { DeclinedDecision } from './DeclinedDecision';
import { PendingDecision } from './PendingDecision';

type Approved = Extract<ApplicationDecisionView, { decision: 'approved' }>;

export function DecisionView(props: {
  flowId: string;
  decision: ApplicationDecisionView;
  onDecision: (decision: ApplicationDecisionView) => void;
  onPurchase: (decision: Approved) => void;
  onDone: () => void;
}) {
  const { decision } = props;
  switch (decision.decision) {
    case 'approved':
      return (
        <ApprovedDecision
          decision={decision}
          onPurchase={() => props.onPurchase(decision)}
          onDone={props.onDone}
        />
      );
    case 'declined':
      return <DeclinedDecision onDone={props.onDone} />;
    case 'pending':
      return (
        <PendingDecision
          flowId={props.flowId}
          supportReference={decision.supportReference}
          onDecision={props.onDecision}
          onCancel={props.onDone}
        />
      );
  }
}
