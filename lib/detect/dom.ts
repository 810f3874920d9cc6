/**
 * DOM helpers shared by the detectors. Selectors are arrays of alternatives (newest markup
 * first, older after), so every lookup takes the list and tries it in order.
 */

/** The first element matching any of the alternatives, in order of preference. */
export function queryFirst(root: ParentNode, alternatives: readonly string[]): Element | null {
  for (const selector of alternatives) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/** Every element matching any of the alternatives, in document order per alternative. */
export function queryAll(root: ParentNode, alternatives: readonly string[]): Element[] {
  return alternatives.flatMap((selector) => [...root.querySelectorAll(selector)]);
}

/** Every element matching any of the alternatives, lazily: a reader that stops early looks at no more. */
export function* queryEach(root: ParentNode, alternatives: readonly string[]): Generator<Element> {
  for (const selector of alternatives) yield* root.querySelectorAll(selector);
}

/** An element's text with its whitespace collapsed; empty when there is none. */
export function textOf(element: Element | null | undefined): string {
  return element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
