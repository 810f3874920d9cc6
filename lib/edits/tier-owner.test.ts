import { describe, expect, it } from 'vitest';
import { tierRight } from './tier-owner';

describe('who changes a tier and who proposes one', () => {
  it.each`
    me                  | owner             | may          | meMissing
    ${'Alex Morgan'}    | ${'Alex Morgan'}  | ${'change'}  | ${false}
    ${' alex  MORGAN '} | ${'Alex Morgan'}  | ${'change'}  | ${false}
    ${'Maria Garcia'}   | ${'María García'} | ${'change'}  | ${false}
    ${'Priya Shah'}     | ${'Alex Morgan'}  | ${'propose'} | ${false}
    ${''}               | ${'Alex Morgan'}  | ${'propose'} | ${true}
    ${'Priya Shah'}     | ${undefined}      | ${'change'}  | ${false}
    ${''}               | ${undefined}      | ${'change'}  | ${true}
    ${'Priya Shah'}     | ${'  '}           | ${'change'}  | ${false}
  `('me $me, owner $owner: $may', ({ me, owner, may, meMissing }) => {
    expect(tierRight(me, { owner })).toEqual({ may, meMissing });
  });
});

describe('a HubSpot owner is recognised by name, email or owner id', () => {
  // As HubSpot's Owners API describes an owner: id 41629779, "HubSpot Test Owner", email@hubspot.com.
  const hubspotOwner = { owner: 'HubSpot Test Owner', ownerId: '41629779', ownerEmail: 'email@hubspot.com' };

  it.each`
    me                       | may          | why
    ${'HubSpot Test Owner'}  | ${'change'}  | ${'the name HubSpot shows'}
    ${'hubspot test owner'}  | ${'change'}  | ${'the name, case ignored'}
    ${'email@hubspot.com'}   | ${'change'}  | ${'the email'}
    ${' EMAIL@HubSpot.com '} | ${'change'}  | ${'the email, case and spaces ignored'}
    ${'41629779'}            | ${'change'}  | ${'the owner id'}
    ${'9586504'}             | ${'propose'} | ${'the user id is not the owner id'}
    ${'other@hubspot.com'}   | ${'propose'} | ${'another email'}
    ${'HubSpot'}             | ${'propose'} | ${'part of the name'}
  `('me $me: $may ($why)', ({ me, may }) => {
    expect(tierRight(me, hubspotOwner)).toEqual({ may, meMissing: false });
  });

  it('recognises the owner id when owner names could not be read (the owner shows as the id)', () => {
    expect(tierRight('41629779', { owner: '41629779', ownerId: '41629779' }).may).toBe('change');
    expect(tierRight('Alex Morgan', { owner: '41629779', ownerId: '41629779' }).may).toBe('propose');
  });

  it('treats an account with only an owner id as owned', () => {
    expect(tierRight('Priya Shah', { ownerId: '41629779' })).toEqual({ may: 'propose', meMissing: false });
  });
});
