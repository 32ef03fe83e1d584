/**
 * Flexiti's i18n answer (form codes and customer texts), fetched once per language and kept for the
 * life of the app (§0A.6). A failed fetch is not cached: the next caller tries again.
 */
import type { FlowContext } from '../flexiti/call-runner';
import type { I18nTree } from '../flexiti/schemas/reference-data-schemas';

export type Lang = 'en' | 'fr';

export interface I18nSource {
  newFlow(): FlowContext;
  getI18n(flow: FlowContext, lang: Lang): Promise<I18nTree>;
}

export class I18nCache {
  private readonly trees = new Map<Lang, Promise<I18nTree>>();

  constructor(private readonly source: I18nSource) {}

  tree(lang: Lang): Promise<I18nTree> {
    let pending = this.trees.get(lang);
    if (!pending) {
      pending = this.source.getI18n(this.source.newFlow(), lang);
      this.trees.set(lang, pending);
      pending.catch(() => this.trees.delete(lang));
    }
    return pending;
  }

  /** A text at a path (`['plan_ids', '4']`), or undefined. */
  async text(lang: Lang, path: readonly string[]): Promise<string | undefined> {
    let node: string | I18nTree | undefined = await this.tree(lang);
    for (const key of path) {
      if (node === undefined || typeof node === 'string') return undefined;
      node = Object.hasOwn(node, key) ? node[key] : undefined;
    }
    return typeof node === 'string' ? node : undefined;
  }

  /** Same, but never failing: a missing label must not stop a sale or a receipt. */
  async textOrUndefined(lang: Lang, path: readonly string[]): Promise<string | undefined> {
    try {
      return await this.text(lang, path);
    } catch {
      return undefined;
    }
  }
}
