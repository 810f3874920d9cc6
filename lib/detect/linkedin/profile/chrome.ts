import { profileSelectors as S } from './selectors';

/** Whether an element sits in the page chrome (navigation bar, side rail), where nothing is the member's. */
export function inPageChrome(el: Element): boolean {
  return el.closest(S.pageChrome.join(',')) !== null;
}
