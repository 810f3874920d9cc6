/**
 * Page JSON read within bounds. A content script runs inside the page's tab: a page that holds a
 * 20 MB JSON-LD block, or ten thousand of them, would have `JSON.parse` freeze the tab and fill
 * its memory on every look. So the text is measured before it is read, and read only within a
 * budget per element, per page and in number of elements.
 */
export interface JsonTextLimits {
  /** The most elements looked at, in document order; those after are not read. */
  readonly elements: number;
  /** The longest text read from one element (UTF-16 code units); a longer one is skipped unread. */
  readonly chars: number;
  /** The most text read from all the elements together. */
  readonly totalChars: number;
}

/** JSON-LD blocks: a site's Organization or a LinkedIn guest page's Person sits in a small one. */
export const JSON_LD_LIMITS: JsonTextLimits = { elements: 32, chars: 512 * 1024, totalChars: 2 * 1024 * 1024 };

/** LinkedIn's bootstrapped page data: dozens of blocks on a logged-in page, none near a megabyte. */
export const PAGE_JSON_LIMITS: JsonTextLimits = { elements: 100, chars: 2 * 1024 * 1024, totalChars: 8 * 1024 * 1024 };

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * The length of an element's text, counted on its text nodes without building the text, or
 * undefined when it holds markup: JSON as a page serves it (a `<script>`, LinkedIn's `<code>`)
 * is text alone. Comments do not count, as in `textContent`.
 */
function textLength(element: Element): number | undefined {
  let length = 0;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) return undefined;
    if (node.nodeType === TEXT_NODE) length += (node as Text).length;
  }
  return length;
}

/**
 * The texts of `elements` within `limits`, in order: an element holding markup, or whose text is
 * longer than one element's share or than what is left of the page's, is skipped without its
 * text being read; elements past the count are not looked at.
 */
export function boundedTexts(elements: Iterable<Element>, limits: JsonTextLimits): string[] {
  const texts: string[] = [];
  let looked = 0;
  let total = 0;
  for (const element of elements) {
    if (++looked > limits.elements) break;
    const length = textLength(element);
    if (length === undefined || length === 0 || length > limits.chars || total + length > limits.totalChars) continue;
    total += length;
    texts.push(element.textContent ?? '');
  }
  return texts;
}
