import type { PushOutcome } from '../push/types';
import type { HubSpotPushClient } from './push-client';
import { type PropertyProblem, propertyProblems, refusalMessage, requestFailure } from './push-errors';
import { type BatchAnswer, batchAnswerSchema, errorsByTrace, missingIds } from './push-wire';

/** "Object API batch endpoints are limited to 100 inputs per request" (§4). */
export const BATCH_LIMIT = 100;

/** One input of a batch write, with the unique trace id that asks HubSpot for per-input errors (§4). */
export interface BatchInput {
  trace: string;
  /** The record id (update), or the `idProperty` value (upsert). */
  id: string;
  properties: Record<string, string>;
  idProperty?: string;
}

/** What became of one input. */
export type InputResult =
  | { kind: 'written'; id: string; created: boolean }
  /** HubSpot refused this input; `problems` name the properties when it said which. */
  | { kind: 'refused'; status: number; problems: PropertyProblem[]; message: string; gone: boolean }
  /** The request failed as a whole (network, 429, 5xx…) or the answer did not say. */
  | { kind: 'unsettled'; outcome: PushOutcome };

/**
 * Awaited right before each request leaves, with the inputs it would carry: answers those to
 * send (some left out, some rewritten without an op left out). It marks their edits sent.
 */
export type BeforeSend = (inputs: readonly BatchInput[]) => Promise<BatchInput[]>;

/** What became of an input the request did not carry: an edit of it was taken back while HubSpot was read. */
export const WITHHELD: PushOutcome = {
  status: 'retry',
  error: 'An edit was taken back before it was sent; what is left of it goes later.',
  mayHaveLanded: false,
};

/** What became of the inputs of a request that never left because the outbox could not note them as sent. */
export const UNMARKED: PushOutcome = {
  status: 'retry',
  error: 'Tierlens could not note the edit as sent, so it did not send it; trying again later.',
  mayHaveLanded: false,
};

export function chunks<T>(items: readonly T[], size = BATCH_LIMIT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Sends a batch write (`batch/update` or `batch/upsert`) in requests of at most 100 inputs and
 * tells what became of each input, by trace id. A 207 names the refused inputs (§4 multi-status);
 * a whole-request 400 may not (UNVERIFIED, §4): unless it names a missing property every input
 * writes, each input is sent again alone to find the refused one. `resultTrace` maps a result
 * back to its input: by record id for updates, by the `idProperty` value for upserts.
 * `beforeSend` is awaited before each request of 100 (not before the lone resends: the first
 * request carried those inputs already); an input it leaves out is WITHHELD.
 */
export async function writeInBatches(
  client: HubSpotPushClient,
  path: string,
  inputs: readonly BatchInput[],
  resultTrace: (result: BatchAnswer['results'][number], inputs: readonly BatchInput[]) => string | undefined,
  signal: AbortSignal,
  beforeSend: BeforeSend,
): Promise<Map<string, InputResult>> {
  const results = new Map<string, InputResult>();
  for (const chunk of chunks(inputs)) {
    let sending: BatchInput[];
    try {
      sending = await beforeSend(chunk);
    } catch {
      for (const i of chunk) results.set(i.trace, { kind: 'unsettled', outcome: UNMARKED });
      continue;
    }
    const traces = new Set(sending.map((i) => i.trace));
    for (const i of chunk) if (!traces.has(i.trace)) results.set(i.trace, { kind: 'unsettled', outcome: WITHHELD });
    if (sending.length) await writeChunk(client, path, sending, resultTrace, signal, results);
  }
  return results;
}

async function writeChunk(
  client: HubSpotPushClient,
  path: string,
  chunk: readonly BatchInput[],
  resultTrace: (result: BatchAnswer['results'][number], inputs: readonly BatchInput[]) => string | undefined,
  signal: AbortSignal,
  out: Map<string, InputResult>,
): Promise<void> {
  const body = {
    inputs: chunk.map((i) => ({
      id: i.id,
      ...(i.idProperty ? { idProperty: i.idProperty } : {}),
      properties: i.properties,
      objectWriteTraceId: i.trace,
    })),
  };
  let answer: Awaited<ReturnType<HubSpotPushClient['send']>>;
  try {
    answer = await client.send('POST', path, body, signal);
  } catch (error) {
    const outcome = requestFailure(error, signal, true);
    for (const i of chunk) out.set(i.trace, { kind: 'unsettled', outcome });
    return;
  }
  if (answer.status === 200 || answer.status === 207) return settle(chunk, answer.body, resultTrace, out);
  const problems = propertyProblems(answer.body);
  const everyInput =
    problems.length > 0 &&
    problems.every((p) => p.error === 'PROPERTY_DOESNT_EXIST' && chunk.every((i) => p.name in i.properties));
  if (chunk.length > 1 && !everyInput) {
    for (const single of chunk) await writeChunk(client, path, [single], resultTrace, signal, out);
    return;
  }
  const message = refusalMessage(answer.body);
  for (const i of chunk)
    out.set(i.trace, { kind: 'refused', status: answer.status, problems, message, gone: answer.status === 404 });
}

function settle(
  chunk: readonly BatchInput[],
  body: unknown,
  resultTrace: (result: BatchAnswer['results'][number], inputs: readonly BatchInput[]) => string | undefined,
  out: Map<string, InputResult>,
): void {
  const parsed = batchAnswerSchema.safeParse(body);
  if (!parsed.success) {
    // A success status whose body is unreadable: the write was done, or may have been.
    const outcome: PushOutcome = {
      status: 'retry',
      error: "HubSpot's answer could not be read; checking again later.",
      mayHaveLanded: true,
    };
    for (const i of chunk) out.set(i.trace, { kind: 'unsettled', outcome });
    return;
  }
  for (const result of parsed.data.results) {
    const trace = resultTrace(result, chunk);
    if (trace) out.set(trace, { kind: 'written', id: result.id, created: result.new === true });
  }
  const refused = errorsByTrace(parsed.data.errors);
  const gone = missingIds(parsed.data.errors);
  for (const i of chunk) {
    if (out.has(i.trace)) continue;
    const entry = refused.get(i.trace);
    if (entry)
      out.set(i.trace, {
        kind: 'refused',
        status: 207,
        problems: propertyProblems(entry),
        message: refusalMessage(entry),
        gone: false,
      });
    else if (gone.has(i.id)) out.set(i.trace, { kind: 'refused', status: 207, problems: [], message: '', gone: true });
    else
      out.set(i.trace, {
        kind: 'unsettled',
        outcome: {
          status: 'retry',
          error: 'HubSpot did not say whether the edit was written; checking again later.',
          mayHaveLanded: true,
        },
      });
  }
}
