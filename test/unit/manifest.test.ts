import { beforeAll, describe, expect, it } from 'vitest';
import { readBuiltManifest } from './built-output';

/**
 * The built manifest's permissions, pinned: any new permission, host or exposure is a deliberate
 * change made here as well as in wxt.config.ts (DESIGN.md, "Reliability and security promises").
 * Reads the Chromium build, and fails when it is missing or older than what the manifest is made
 * from (wxt.config.ts, the entrypoints, public/, package.json): run `npx wxt build` first.
 */
const LINKEDIN = '*://*.linkedin.com/*';

interface ContentScript {
  matches?: string[];
  exclude_matches?: string[];
  include_globs?: string[];
  all_frames?: boolean;
  match_about_blank?: boolean;
  match_origin_as_fallback?: boolean;
  world?: string;
}
interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: ContentScript[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  [key: string]: unknown;
}

let manifest: Manifest;
let raw: string;

beforeAll(() => {
  raw = readBuiltManifest();
  manifest = JSON.parse(raw) as Manifest;
});

const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort();

describe('the built manifest (chrome-mv3)', () => {
  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks for exactly the side panel, storage, unlimited storage, activeTab, scripting and alarms', () => {
    // activeTab + scripting: a toolbar click recognises the website on screen once, without access to all sites.
    // alarms: a sync the browser stopped with its idle worker resumes, and connected sources sync periodically.
    expect(sorted(manifest.permissions)).toEqual([
      'activeTab',
      'alarms',
      'scripting',
      'sidePanel',
      'storage',
      'unlimitedStorage',
    ]);
  });

  it('needs LinkedIn as its only host', () => {
    expect(manifest.host_permissions).toEqual([LINKEDIN]);
  });

  // A team feed's or HubSpot's origin is asked for on "Connect" as a part of this optional host.
  it('asks for all websites only as an optional host, which the user grants to recognise company websites', () => {
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
  });

  it.each(['tabs', '<all_urls>', 'http://*/*', 'https://*/*'])('mentions %s nowhere', (broad) => {
    expect(raw).not.toContain(JSON.stringify(broad));
  });

  it('mentions all websites nowhere but as the optional host', () => {
    expect(raw.split(JSON.stringify('*://*/*')).length - 1).toBe(1);
  });

  it('exposes nothing to web pages: no web-accessible resources, no external messaging', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('runs content scripts on LinkedIn only, in the top frame, in the isolated world', () => {
    expect(manifest.content_scripts?.length).toBeGreaterThan(0);
    for (const script of manifest.content_scripts ?? []) {
      expect(script.matches).toEqual([LINKEDIN]);
      expect(script.include_globs).toBeUndefined();
      expect(script.all_frames ?? false).toBe(false);
      expect(script.match_about_blank ?? false).toBe(false);
      expect(script.match_origin_as_fallback ?? false).toBe(false);
      expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
    }
  });

  it('loads no remote code: the default content security policy, or one without remote or eval sources', () => {
    const policies = Object.values(manifest.content_security_policy ?? {});
    for (const policy of policies) {
      expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    }
  });
});
