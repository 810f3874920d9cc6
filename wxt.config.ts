import { defineConfig } from 'wxt';
import { quietContentScripts } from './lib/content/quiet-entry-plugin';

// https://wxt.dev/api/config.html
export default defineConfig({
  // One promise-based `browser` for the Chrome and Firefox builds: aliases `wxt/browser` to webextension-polyfill.
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  vite: () => ({
    // Content scripts without WXT's context, which announces them to the page (see the plugin).
    plugins: [quietContentScripts()],
    // The options page's import worker as a module worker, like the rest of the extension's code.
    worker: { format: 'es' },
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
    // activeTab + scripting: a toolbar click recognises the current website once, without the
    // all-sites permission; scripting also registers the website content script once it is granted.
    permissions: [
      ...(browser === 'firefox' ? [] : ['sidePanel']),
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      // A sync the browser stopped with its idle worker resumes, and connected sources sync periodically.
      'alarms',
    ],
    host_permissions: ['*://*.linkedin.com/*'],
    // Recognising every company website is opt-in: asked for on the options page and in the panel.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Tierlens' },
  }),
});
