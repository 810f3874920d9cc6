import type { PushOutcome } from '../push/types';
import { chunks } from './push-batch';
import type { HubSpotPushClient } from './push-client';
import { type PropertyProblem, propertyProblems, refusalMessage, requestFailure } from './push-errors';
import { batchAnswerSchema, missingIds } from './push-wire';

/** What HubSpot holds for one id asked for. */
export type CurrentValue =
  | { kind: 'found'; id: string; properties: Record<string, string | null> }
  | { kind: 'missing' }
  | { kind: 'refused'; status: number; problems: PropertyProblem[]; message: string }
  | { kind: 'unsettled'; outcome: PushOutcome };

/**
 * Reads the current values of `properties` on records of `object` (§4 `batch/read`, at most 100
 * inputs a request), by record id or, with `idProperty`, by the value of that unique property.
 * This is the check before every write: it is what makes a retried write idempotent.
 */
export async function readCurrent(
  client: HubSpotPushClient,
  object: 'companies' | 'contacts',
  ids: readonly string[],
  properties: readonly string[],
  signal: AbortSignal,
  idProperty?: string,
): Promise<Map<string, CurrentValue>> {
  const out = new Map<string, CurrentValue>();
  for (const chunk of chunks([...new Set(ids)])) {
    const body = {
      inputs: chunk.map((id) => ({ id })),
      // Both lists are required by the spec (§4); the history is not wanted.
      properties: [...new Set([...properties, ...(idProperty ? [idProperty] : [])])],
      propertiesWithHistory: [],
      ...(idProperty ? { idProperty } : {}),
    };
    let answer: Awaited<ReturnType<HubSpotPushClient['send']>>;
    try {
      answer = await client.send('POST', `/crm/v3/objects/${object}/batch/read?archived=false`, body, signal);
    } catch (error) {
      const outcome = requestFailure(error, signal, false);
      for (const id of chunk) out.set(id, { kind: 'unsettled', outcome });
      continue;
    }
    if (answer.status !== 200 && answer.status !== 207) {
      const refusal = {
        kind: 'refused' as const,
        status: answer.status,
        problems: propertyProblems(answer.body),
        message: refusalMessage(answer.body),
      };
      for (const id of chunk) out.set(id, refusal);
      continue;
    }
    const parsed = batchAnswerSchema.safeParse(answer.body);
    if (!parsed.success) {
      const outcome: PushOutcome = {
        status: 'retry',
        mayHaveLanded: false,
        error: "HubSpot's answer could not be read; trying again later.",
      };
      for (const id of chunk) out.set(id, { kind: 'unsettled', outcome });
      continue;
    }
    for (const r of parsed.data.results) {
      const key = idProperty ? (r.properties[idProperty] ?? undefined) : r.id;
      if (key !== undefined) out.set(key, { kind: 'found', id: r.id, properties: r.properties });
    }
    const missing = missingIds(parsed.data.errors);
    for (const id of chunk) {
      if (out.has(id)) continue;
      // Asked and not answered, or named missing (§4: unknown ids → a 207 OBJECT_NOT_FOUND entry).
      out.set(
        id,
        missing.has(id) || idProperty
          ? { kind: 'missing' }
          : {
              kind: 'unsettled',
              outcome: { status: 'retry', error: 'HubSpot did not answer for this record.', mayHaveLanded: false },
            },
      );
    }
  }
  return out;
}
