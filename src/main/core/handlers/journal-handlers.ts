/** Money operations whose outcome is unknown, for a manager; reconciling them on demand. */
import type { InDoubtEntry } from '../../../shared/ipc/channels/journal';
import type { JournalEntry } from '../journal/journal-types';
import type { Handlers } from './handler-types';

export interface JournalView {
  unfinished(): JournalEntry[];
}

export interface ReconcileRunner {
  /** Runs reconciliation now; counts what got settled and what is still unknown. */
  reconcileNow(): Promise<{ settled: number; stillInDoubt: number }>;
}

function toView(entry: JournalEntry): InDoubtEntry {
  const view: InDoubtEntry = {
    id: entry.id,
    op: entry.op,
    state: entry.state as InDoubtEntry['state'],
    createdAt: entry.createdAt,
    attempts: entry.attempts,
    reference: entry.summary.reference ?? entry.referenceId,
  };
  if (entry.summary.amountCents !== undefined) view.amountCents = entry.summary.amountCents;
  if (entry.summary.accountLast4 !== undefined) view.accountLast4 = entry.summary.accountLast4;
  return view;
}

export function createJournalHandlers(deps: {
  journal: () => JournalView;
  reconciler: ReconcileRunner;
}): Handlers<'journal.inDoubt' | 'journal.reconcile'> {
  return {
    'journal.inDoubt': () => ({ entries: deps.journal().unfinished().slice(0, 500).map(toView) }),
    'journal.reconcile': () => deps.reconciler.reconcileNow(),
  };
}
