/**
 * The active application of each flow, in main's memory only: the licence number read from a scan
 * (never stored, logged or cached elsewhere), the application id once submitted, and the consent.
 * Abandoning the application, signing out or the flow expiring drops it.
 */

export interface ConsentRecord {
  terms: { id: string; version: string }[];
  language: 'en' | 'fr';
  acceptedAt: string;
  employeeId: string;
}

export interface ApplicationDraft {
  licenceNumber?: string;
  applicationId?: string;
  consent?: ConsentRecord;
  /** The x-reference-id the application was sent under (for support). */
  referenceId?: string;
}

const MAX_DRAFTS = 200;

export class ApplicationDrafts {
  private readonly drafts = new Map<string, ApplicationDraft>();

  get(flowId: string): ApplicationDraft | undefined {
    return this.drafts.get(flowId);
  }

  update(flowId: string, patch: Partial<ApplicationDraft>): ApplicationDraft {
    const next = { ...this.drafts.get(flowId), ...patch };
    this.drafts.delete(flowId);
    this.drafts.set(flowId, next);
    while (this.drafts.size > MAX_DRAFTS) {
      const oldest = this.drafts.keys().next();
      if (oldest.done) break;
      this.drafts.delete(oldest.value);
    }
    return next;
  }

  drop(flowId: string): void {
    this.drafts.delete(flowId);
  }

  clear(): void {
    this.drafts.clear();
  }
}
