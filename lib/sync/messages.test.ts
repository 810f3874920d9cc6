import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeError } from './messages';

describe("a failed run's error in words", () => {
  it('names where an answer of an unexpected shape went wrong, not the raw issues', () => {
    // A list page whose result has no id, as a HubSpot-compatible server might answer.
    const page = z.object({ results: z.array(z.object({ id: z.string() })) });
    const parsed = page.safeParse({ results: [{ id: '1' }, { name: 'Acme' }] });
    if (parsed.success) throw new Error('the bad page parsed');
    const words = describeError('hubspot', parsed.error);
    expect(words).toMatch(
      /^HubSpot answered with data Tierlens cannot read, at results\.1\.id: .+\. The previous data is still shown\.$/,
    );
    expect(words).not.toContain('[');
  });

  it('says when the browser is out of space, and that the previous data stays', () => {
    const words = describeError('feed', new DOMException('full', 'QuotaExceededError'));
    expect(words).toMatch(/no more space for the team feed's data: the previous data is still shown/);
  });
});
