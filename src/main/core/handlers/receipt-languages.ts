/**
 * Which languages a receipt is printed in, from the terminal's `receipt.format`. Quebec puts French
 * first (Charter of the French language); `auto` follows the customer, in French for Quebec.
 */
export type ReceiptFormat = 'bilingual' | 'en' | 'fr' | 'auto';
type Lang = 'en' | 'fr';

export function receiptLanguages(
  format: ReceiptFormat,
  who: { storeProvince: string; customerProvince?: string | undefined; customerLanguage: Lang },
): Lang[] {
  const storeInQuebec = who.storeProvince === 'QC';
  switch (format) {
    case 'en':
      return storeInQuebec ? ['fr', 'en'] : ['en'];
    case 'fr':
      return ['fr'];
    case 'bilingual':
      return storeInQuebec || who.customerLanguage === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
    case 'auto':
      if (storeInQuebec) return ['fr', 'en'];
      return who.customerProvince === 'QC' || who.customerLanguage === 'fr' ? ['fr'] : ['en'];
  }
}
