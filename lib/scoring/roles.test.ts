import { describe, expect, it } from 'vitest';
import { BUYING_ROLES, type BuyingRole, type Contact } from '../db/contacts';
import { DEFAULT_SETTINGS } from '../settings/defaults';
import type { Tier } from '../settings/types';
import { roleCoverage, roleLabel } from './roles';

const person = (id: string, ...buyingRoles: BuyingRole[]): Contact => ({
  id,
  accountId: 'acct',
  name: `Person ${id}`,
  title: 'Title',
  buyingRoles,
  updatedAt: 0,
});
const tier = (t: Tier) => DEFAULT_SETTINGS.tiers.find((d) => d.tier === t);
/** The roles each default tier needs mapped, as DESIGN.md lists them ("Buyer roles"). */
const REQUIRED: Record<string, BuyingRole[]> = {
  T1: ['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'],
  T2: ['DECISION_MAKER', 'CHAMPION'],
  T3: [],
  none: [],
};

describe('roleCoverage', () => {
  it.each`
    tierLabel | case                                   | contacts                                                                                          | covered                                                                 | missing
    ${'T1'}   | ${'nobody mapped'}                     | ${[]}                                                                                             | ${[]}                                                                   | ${['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']}
    ${'T1'}   | ${'a decision maker and a champion'}   | ${[person('a', 'DECISION_MAKER'), person('b', 'CHAMPION')]}                                       | ${['DECISION_MAKER', 'CHAMPION']}                                       | ${['BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']}
    ${'T1'}   | ${'one person holding three roles'}    | ${[person('a', 'DECISION_MAKER', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR'), person('b', 'CHAMPION')]} | ${['DECISION_MAKER', 'CHAMPION', 'BUDGET_HOLDER', 'EXECUTIVE_SPONSOR']} | ${[]}
    ${'T2'}   | ${'a decision maker only'}             | ${[person('a', 'DECISION_MAKER')]}                                                                | ${['DECISION_MAKER']}                                                   | ${['CHAMPION']}
    ${'T2'}   | ${'only roles the tier does not need'} | ${[person('a', 'INFLUENCER'), person('b', 'END_USER')]}                                           | ${[]}                                                                   | ${['DECISION_MAKER', 'CHAMPION']}
    ${'T3'}   | ${'nobody mapped (T3 needs no roles)'} | ${[]}                                                                                             | ${[]}                                                                   | ${[]}
    ${'none'} | ${'a decision maker, but no tier'}     | ${[person('a', 'DECISION_MAKER')]}                                                                | ${[]}                                                                   | ${[]}
  `('$tierLabel with $case: covers $covered, misses $missing', ({ tierLabel, contacts, covered, missing }) => {
    const definition = tierLabel === 'none' ? undefined : tier(Number(tierLabel[1]) as Tier);
    const r = roleCoverage(contacts, definition);
    expect(r.covered).toEqual(covered);
    expect(r.missing).toEqual(missing);
    expect(r.required).toEqual(REQUIRED[tierLabel]);
  });

  it('lists every required role with its holders, then the other roles held', () => {
    const r = roleCoverage(
      [person('a', 'DECISION_MAKER'), person('b', 'INFLUENCER', 'DECISION_MAKER'), person('c')],
      tier(2),
    );
    expect(r.roles).toEqual([
      {
        role: 'DECISION_MAKER',
        required: true,
        contacts: [
          { id: 'a', name: 'Person a', title: 'Title' },
          { id: 'b', name: 'Person b', title: 'Title' },
        ],
      },
      { role: 'CHAMPION', required: true, contacts: [] },
      { role: 'INFLUENCER', required: false, contacts: [{ id: 'b', name: 'Person b', title: 'Title' }] },
    ]);
  });

  it('does not share its required list with the settings', () => {
    const t1 = tier(1);
    const r = roleCoverage([], t1);
    r.required.push('OTHER');
    expect(t1?.requiredRoles).not.toContain('OTHER');
  });
});

describe('roleLabel', () => {
  it.each`
    role                      | label
    ${'DECISION_MAKER'}       | ${'Decision maker'}
    ${'CHAMPION'}             | ${'Champion'}
    ${'BUDGET_HOLDER'}        | ${'Budget holder'}
    ${'EXECUTIVE_SPONSOR'}    | ${'Executive sponsor'}
    ${'LEGAL_AND_COMPLIANCE'} | ${'Legal and compliance'}
    ${'END_USER'}             | ${'End user'}
    ${'OTHER'}                | ${'Other'}
  `('$role reads $label', ({ role, label }) => {
    expect(roleLabel(role)).toBe(label);
  });

  it('labels every HubSpot buying role in sentence case', () => {
    for (const role of BUYING_ROLES) expect(roleLabel(role)).toMatch(/^[A-Z][a-z ]+$/);
  });
});
