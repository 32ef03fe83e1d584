/**
 * What a customer lookup said about an account, per account ref: contact points for verification,
 * the security question, the province (Quebec rules) and the language. Memory only, for the flow.
 */
import type { CustomerDetails } from '../flexiti/schemas/customer-schemas';

const MAX_FACTS = 2000;

export class AccountFacts {
  private readonly facts = new Map<string, CustomerDetails>();

  get(accountRef: string): CustomerDetails | undefined {
    return this.facts.get(accountRef);
  }

  set(accountRef: string, details: CustomerDetails): void {
    this.facts.delete(accountRef);
    this.facts.set(accountRef, details);
    while (this.facts.size > MAX_FACTS) {
      const oldest = this.facts.keys().next();
      if (oldest.done) break;
      this.facts.delete(oldest.value);
    }
  }

  clear(): void {
    this.facts.clear();
  }
}
