import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { boundedTexts, type JsonTextLimits } from './json-text';

const parse = (html: string): Document => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
const LIMITS: JsonTextLimits = { elements: 3, chars: 10, totalChars: 15 };

/** The elements whose text was read (`textContent`) while `fn` ran. */
function textsReadDuring(doc: Document, fn: () => void): Element[] {
  let proto: object | null = doc.body;
  while (proto && !Object.getOwnPropertyDescriptor(proto, 'textContent')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('no textContent getter');
  const getter = vi.spyOn(proto as Element, 'textContent', 'get');
  fn();
  const read = getter.mock.contexts as Element[];
  getter.mockRestore();
  return read;
}

describe('boundedTexts', () => {
  it('reads the texts in order within one element’s share and the page’s total', () => {
    const doc = parse('<code>{"a":1}</code><code>0123456789X</code><code>[1,2,3,4]</code>');
    // The second is over one element's 10 characters; the third would pass the total of 15.
    expect(boundedTexts(doc.querySelectorAll('code'), LIMITS)).toEqual(['{"a":1}']);
    const fits = parse('<code>{"a":1}</code><code>[1,2]</code>');
    expect(boundedTexts(fits.querySelectorAll('code'), LIMITS)).toEqual(['{"a":1}', '[1,2]']);
  });

  it('looks at no more elements than its count, and never reads a text it skips', () => {
    const doc = parse(`<code>${'x'.repeat(50)}</code>${'<code>1</code>'.repeat(10)}`);
    const codes = [...doc.querySelectorAll('code')];
    let texts: string[] = [];
    const read = textsReadDuring(doc, () => {
      texts = boundedTexts(codes, LIMITS);
    });
    expect(texts).toEqual(['1', '1']);
    // The 50-character one was measured on its text node, not read; the fourth on was not looked at.
    expect(read).toEqual([codes[1], codes[2]]);
  });

  it('skips an element holding markup, as a page never serves JSON', () => {
    const doc = parse('<code>{"a":<b>1</b>}</code><code><!-- c -->[]</code>');
    expect(boundedTexts(doc.querySelectorAll('code'), LIMITS)).toEqual(['[]']);
  });
});
