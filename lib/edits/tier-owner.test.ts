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
    expect(tierRight(me, owner)).toEqual({ may, meMissing });
  });
});
