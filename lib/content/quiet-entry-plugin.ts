import type { Plugin } from 'vite';

/** The module WXT 0.21 wraps an isolated-world content script in (`wxt/dist/virtual/…`), then `?<file>`. */
const WXT_ENTRY = 'virtual:wxt-content-script-isolated-world-entrypoint?';
const QUIET_ENTRY = '\0tierlens-quiet-content-script?';

/**
 * Builds the isolated-world content scripts without WXT's `ContentScriptContext`. WXT 0.21's
 * wrapper constructs one for every content script, whether `main` uses it or not, and its
 * constructor tells the page that the extension is there: `window.postMessage({ type:
 * '<id>:<script>:wxt:content-script-started' }, '*')` and the same as a DOM event, which the page
 * can also send to stop the script (LinkedIn restricts accounts whose extensions it detects); its
 * location watcher then announces every in-app navigation on `window` (`…:wxt:locationchange`).
 * WXT 0.21.0 has no option against it (wxt-dev/wxt#2265, later, adds `noScriptStartedPostMessage`
 * and keeps the DOM event).
 *
 * This wrapper is WXT's minus the context: `main` is called with no argument, and the scripts
 * keep their own quiet lifetime (lib/content/lifetime.ts). test/unit/content-scripts-quiet.test.ts
 * checks the built files, so a WXT upgrade that renames the wrapper fails there, not silently.
 */
export function quietContentScripts(): Plugin {
  return {
    name: 'tierlens:quiet-content-scripts',
    // Before WXT's own resolver of its virtual modules.
    enforce: 'pre',
    resolveId(id) {
      const at = id.indexOf(WXT_ENTRY);
      return at === -1 ? undefined : QUIET_ENTRY + id.slice(at + WXT_ENTRY.length);
    },
    load(id) {
      if (!id.startsWith(QUIET_ENTRY)) return undefined;
      const script = id.slice(QUIET_ENTRY.length);
      return [
        `import definition from ${JSON.stringify(script)};`,
        `import { initPlugins } from 'virtual:wxt-plugins';`,
        // The value `scripting.executeScript` answers with, as WXT's wrapper returns it.
        'export default (async () => {',
        '  initPlugins();',
        '  return await definition.main();',
        '})();',
      ].join('\n');
    },
  };
}
