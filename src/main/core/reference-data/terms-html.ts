/**
 * Terms bodies reduced to the tags §0A.7 allows (h2 h3 p ul ol li strong em a), attributes dropped
 * except an https link's href: whatever Flexiti sends, the renderer gets no script, style or handler.
 */
const ALLOWED = new Set(['h2', 'h3', 'p', 'ul', 'ol', 'li', 'strong', 'em', 'a']);

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function sanitizeTermsHtml(html: string): string {
  const withoutBlocks = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|iframe|object|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|iframe|object|template)\b[^>]*>/gi, '');
  const tags = withoutBlocks.replace(
    /<\s*(\/?)\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g,
    (_all, slash: string, name: string, attrs: string) => {
      const tag = name.toLowerCase();
      if (!ALLOWED.has(tag)) return '';
      if (slash) return `</${tag}>`;
      if (tag === 'a') {
        const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attrs);
        const url = href?.[1] ?? href?.[2];
        if (url && /^https:\/\/[^\s"'<>]+$/i.test(url)) {
          return `<a href="${escapeAttribute(url)}" rel="noopener noreferrer">`;
        }
        return '<a>';
      }
      return `<${tag}>`;
    },
  );
  // A stray '<' that did not form a tag must not start one later.
  return tags.replace(/<(?!\/?(?:h2|h3|p|ul|ol|li|strong|em|a)\b)/gi, '&lt;');
}
