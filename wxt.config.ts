import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Tierlens',
    description:
      'Account grade, ABM tier, buyer roles, engagement and next actions for the company on screen — from your CRM, offline.',
    // Each permission is pinned by test/manifest.test.ts: adding one is a deliberate change.
    permissions: browser === 'firefox' ? ['storage', 'unlimitedStorage'] : ['sidePanel', 'storage', 'unlimitedStorage'],
    host_permissions: ['*://*.linkedin.com/*'],
    action: { default_title: 'Tierlens' },
  }),
});
