import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleAddAccountFromTab, RejectedMessage } from './handlers';
import { writeTabState } from './tab-state';

const extensionPage = { id: fakeBrowser.runtime.id, url: `${fakeBrowser.runtime.getURL('/')}sidepanel.html` };
const contentScript = {
  id: fakeBrowser.runtime.id,
  tab: { id: 3 } as never,
  frameId: 0,
  url: 'https://www.linkedin.com/company/x/',
};

const FEED = 'https://www.linkedin.com/feed/';

describe('handleAddAccountFromTab', () => {
  it.each`
    case                                 | data                                  | sender
    ${'from a content script'}           | ${{ tabId: 3, url: FEED }}            | ${contentScript}
    ${'from another extension'}          | ${{ tabId: 3, url: FEED }}            | ${{ ...extensionPage, id: 'someone-else' }}
    ${'without a tab id'}                | ${{ url: FEED }}                      | ${extensionPage}
    ${'without the page it showed'}      | ${{ tabId: 3 }}                       | ${extensionPage}
    ${'with a tab id that is not one'}   | ${{ tabId: 'three', url: FEED }}      | ${extensionPage}
    ${'with extra fields'}               | ${{ tabId: 3, url: FEED, name: 'x' }} | ${extensionPage}
    ${'for a tab that shows no company'} | ${{ tabId: 99, url: FEED }}           | ${extensionPage}
  `('is rejected $case, with nothing written', async ({ data, sender }) => {
    await writeTabState({
      tabId: 3,
      url: 'https://www.linkedin.com/feed/',
      subject: null,
      keys: [],
      resolution: null,
      badge: { text: '', color: '#000', title: '' },
      updatedAt: 0,
    });
    await expect(handleAddAccountFromTab(data, sender)).rejects.toBeInstanceOf(RejectedMessage);
  });

  it('adds nothing when the tab has moved on to another company since the panel showed it', async () => {
    const page = (slug: string) => `https://www.linkedin.com/company/${slug}/`;
    await writeTabState({
      tabId: 4,
      url: page('globex'),
      subject: {
        site: 'linkedin',
        kind: 'company',
        url: page('globex'),
        company: { linkedinSlug: 'globex' },
        evidence: [],
      },
      keys: ['li:globex'],
      resolution: { status: 'unknown' },
      badge: { text: '?', color: '#000', title: '' },
      updatedAt: 0,
    });
    await expect(handleAddAccountFromTab({ tabId: 4, url: page('acme') }, extensionPage)).rejects.toThrow(
      'the tab has moved on to another page since: nothing was added',
    );
  });
});
