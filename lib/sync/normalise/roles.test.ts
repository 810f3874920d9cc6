import { describe, expect, it } from 'vitest';
import { parseBuyingRoles } from './roles';

describe('parseBuyingRoles', () => {
  it.each([
    ['DECISION_MAKER;CHAMPION', ['DECISION_MAKER', 'CHAMPION']],
    ['Decision Maker', ['DECISION_MAKER']],
    ['Budget Holder', ['BUDGET_HOLDER']],
    ['Executive Sponsor', ['EXECUTIVE_SPONSOR']],
    ['Legal and Compliance', ['LEGAL_AND_COMPLIANCE']],
    ['Legal & Compliance', ['LEGAL_AND_COMPLIANCE']],
    ['End User', ['END_USER']],
    ['Influencer', ['INFLUENCER']],
    ['Blocker', ['BLOCKER']],
    ['Champion', ['CHAMPION']],
    ['Other', ['OTHER']],
    ['Decision Maker, Champion', ['DECISION_MAKER', 'CHAMPION']],
    ['champion; CHAMPION', ['CHAMPION']],
    ['BUDGET_HOLDER;', ['BUDGET_HOLDER']],
  ])('reads %j as %j', (value, roles) => {
    expect(parseBuyingRoles(value)).toEqual({ roles, unknown: [] });
  });

  it('returns what is no role as written, beside the roles it found', () => {
    expect(parseBuyingRoles('Champion;Gatekeeper; Coach ')).toEqual({
      roles: ['CHAMPION'],
      unknown: ['Gatekeeper', 'Coach'],
    });
  });

  it.each(['', 'null', ' '])('reads the empty cell %j as no roles', (value) => {
    expect(parseBuyingRoles(value)).toEqual({ roles: [], unknown: [] });
  });
});
