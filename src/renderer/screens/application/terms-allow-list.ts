/**
 * The renderer's own pass over a term's HTML before it is set as innerHTML: main already reduced it,
 * but the page trusts nothing it did not check itself. Elements outside the list are dropped with
 * their content when they can run or load something, unwrapped otherwise; only https links keep an
 * href, and no other attribute survives.
 */
const ALLOWED = new Set(['H2', 'H3', 'P', 'UL', 'OL', 'LI', 'STRONG', 'EM', 'A']);
const DROPPED_WITH_CONTENT = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'TEMPLATE',
  'SVG',
  'MATH',
  'NOSCRIPT',
  'TEXTAREA',
  'SELECT',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function copyChildren(from: Node, to: Node, doc: Document): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      to.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const element = child as Element;
    const tag = element.tagName.toUpperCase();
    if (DROPPED_WITH_CONTENT.has(tag)) continue;
    if (!ALLOWED.has(tag)) {
      copyChildren(element, to, doc);
      continue;
    }
    const clean = doc.createElement(tag.toLowerCase());
    if (tag === 'A') {
      const href = element.getAttribute('href') ?? '';
      if (/^https:\/\/[^\s"'<>]+$/i.test(href)) {
        clean.setAttribute('href', href);
        clean.setAttribute('rel', 'noopener noreferrer');
        clean.setAttribute('target', '_blank');
      }
    }
    copyChildren(element, clean, doc);
    to.appendChild(clean);
  }
}

const squeeze = (text: string): string => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/**
 * `title`, when given, is the heading the screen already shows: a body that opens with the same
 * heading loses that copy, so the customer does not read the agreement's name twice.
 */
export function allowListTermsHtml(html: string, title?: string): string {
  // A document of its own: nothing in it runs or loads while it is parsed.
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.implementation.createHTMLDocument('');
  const container = out.createElement('div');
  copyChildren(parsed.body, container, out);
  const first = container.firstElementChild;
  if (
    title !== undefined &&
    first &&
    /^H[23]$/.test(first.tagName) &&
    squeeze(first.textContent ?? '') === squeeze(title)
  ) {
    first.remove();
  }
  return container.innerHTML;
}
