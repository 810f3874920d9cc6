import { defineConfig } from 'wxt';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: () => ({
    build: {
      rollupOptions: {
        // zod's sources carry /* @__PURE__ */ comments in places Rollup cannot use: harmless noise.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Tierlens',
    description:
      'Account grade, ABM tier, buyer roles, engagement and next actions for the company on screen — from your CRM, offline.',
    // Each permission is pinned by test/unit/manifest.test.ts: adding one is a deliberate change.
    permissions: browser === 'firefox' ? ['storage', 'unlimitedStorage'] : ['sidePanel', 'storage', 'unlimitedStorage'],
    host_permissions: ['*://*.linkedin.com/*'],
    action: { default_title: 'Tierlens' },
  }),
});
