import { describe, expect, it } from 'vitest';
import { builtContentScripts, readContentScript } from './built-output';

/**
 * Content scripts are invisible to the page (DESIGN.md, "Reliability and security promises"):
 * LinkedIn probes for extensions and restricts the accounts it finds them on. WXT's content
 * script context announces each script to the page with `window.postMessage(…, '*')` and a DOM
 * event, and stops the script when the page sends one (lib/content/quiet-entry-plugin.ts builds
 * the scripts without it). Reads the Chromium build: run `npx wxt build` first.
 */
describe('the built content scripts', () => {
  it('are the LinkedIn and the website scripts', () => {
    expect(builtContentScripts().sort()).toEqual(['linkedin', 'website']);
  });

  describe.each(builtContentScripts())('%s.js', (name) => {
    const code = () => readContentScript(name);

    it('posts no message to the page', () => {
      expect(code()).not.toContain('postMessage');
    });

    it('listens to no message from the page', () => {
      expect(code()).not.toMatch(/addEventListener\(\s*["'`]message["'`]/);
    });

    it('dispatches no event into the page’s DOM, and carries no WXT context', () => {
      expect(code()).not.toMatch(/dispatchEvent|CustomEvent|content-script-started|wxt:locationchange/);
    });
  });
});
