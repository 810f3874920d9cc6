import { describe, expect, it } from 'vitest';
import { resemblesDomain } from './resembles';

describe('resemblesDomain: a name that plausibly names the site', () => {
  it.each<[string, string, boolean]>([
    // The real pages' site names and slugs.
    ['Microlink', 'microlink', true],
    ['Bluecadet', 'bluecadet', true],
    ['Post Planner', 'postplanner', true],
    ['Milano Città Stato', 'milanocittastato', true],
    ['GlobeNewswire News Room', 'globenewswire', true],
    ['bluecadet-interactive', 'bluecadet', true],
    ['Build Your SaaS', 'transistor', false],
    ['Segment', 'globenewswire', false],
    // Legal suffixes, short brand names inside longer domain labels.
    ['Acme, Inc.', 'acme', true],
    ['Acme', 'acmehq', true],
    ['Acme', 'getacme', true],
    ['Welcome to Acme', 'acme', true],
    ['Acme', 'post-acme-planner', false],
    // Generic words do not match by accident.
    ['News', 'globenewswire', false],
    ['Home', 'acme', false],
    ['App', 'appacme', false],
    // A label too short to compare says nothing.
    ['Some Site', 'ab', false],
    ['', 'acme', false],
    ['!!!', 'acme', false],
  ])('%j on %j → %s', (name, label, expected) => {
    expect(resemblesDomain(name, label)).toBe(expected);
  });
});
