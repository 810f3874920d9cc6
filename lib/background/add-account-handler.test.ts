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

describe('handleAddAccountFromTab', () => {
  it.each`
    case                                 | data                       | sender
    ${'from a content script'}           | ${{ tabId: 3 }}            | ${contentScript}
    ${'from another extension'}          | ${{ tabId: 3 }}            | ${{ ...extensionPage, id: 'someone-else' }}
    ${'without a tab id'}                | ${{}}                      | ${extensionPage}
    ${'with a tab id that is not one'}   | ${{ tabId: 'three' }}      | ${extensionPage}
    ${'with extra fields'}               | ${{ tabId: 3, name: 'x' }} | ${extensionPage}
    ${'for a tab that shows no company'} | ${{ tabId: 99 }}           | ${extensionPage}
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
});
