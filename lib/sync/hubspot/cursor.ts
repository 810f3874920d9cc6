import { z } from 'zod';

/**
 * Where a run stopped, as the string the engine commits with each page. A run reads
 * companies (each page with its deals), then contacts; an incremental run then reads the deals
 * that changed, each page as the accounts of their companies (deals.ts). A full run pages the list API with HubSpot's `after` token; an
 * incremental run pages the search API by last-modified date (see incremental.ts): `from` is
 * the last modified date seen, `ids` the records already read at exactly that date. An
 * incremental run ends by listing, phase by phase, what was deleted since the watermark.
 */
export const PHASES = ['companies', 'contacts', 'deals'] as const;
export type Phase = (typeof PHASES)[number];

const cursorSchema = z.discriminatedUnion('mode', [
  z.object({ v: z.literal(1), mode: z.literal('list'), phase: z.enum(PHASES), after: z.string().optional() }),
  z.object({
    v: z.literal(1),
    mode: z.literal('search'),
    phase: z.enum(PHASES),
    from: z.number(),
    /** false: strictly after `from` (the watermark); true: at or after it, minus `ids`. */
    inclusive: z.boolean(),
    ids: z.array(z.string()),
  }),
  /**
   * An incremental run's last pass: the records of `phase` HubSpot deleted (archived) since the
   * watermark, listed with `archived=true` (§2), since search never returns them (§3).
   */
  z.object({ v: z.literal(1), mode: z.literal('archived'), phase: z.enum(PHASES), after: z.string().optional() }),
]);
export type HubSpotCursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: HubSpotCursor): string {
  return JSON.stringify(cursor);
}

/** The cursor a string holds; a cursor this adapter did not write is an error, not a silent restart. */
export function decodeCursor(value: string): HubSpotCursor {
  return cursorSchema.parse(JSON.parse(value));
}

/** The phase after `phase`, or undefined after the last. */
export function nextPhase(phase: Phase): Phase | undefined {
  return PHASES[PHASES.indexOf(phase) + 1];
}
