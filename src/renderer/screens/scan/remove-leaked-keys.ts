/**
 * The wedge detector cannot stop the first key(s) of a scan: if a text box had the focus they were
 * typed into it. This takes them back out, through the input's native setter and an input event so
 * React's state follows.
 */
export function removeLeakedKeys(count: number, doc: Document = document): void {
  if (count <= 0) return;
  const element = doc.activeElement;
  const isInput = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
  if (!isInput) return;
  const end = element.selectionStart ?? element.value.length;
  const start = Math.max(0, end - count);
  const next = element.value.slice(0, start) + element.value.slice(end);
  const proto =
    element instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (!setter) return;
  setter.call(element, next);
  element.setSelectionRange(start, start);
  element.dispatchEvent(new Event('input', { bubbles: true }));
}
