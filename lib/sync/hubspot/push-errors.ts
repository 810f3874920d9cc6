import { z } from 'zod';
import { SourceError } from '../errors';
import type { PushOutcome } from '../push/types';

/** One property HubSpot refused, as its refusal names it (§4, §7). */
export interface PropertyProblem {
  name: string;
  /** `PROPERTY_DOESNT_EXIST`, `INVALID_OPTION`, … */
  error: string;
  message: string;
}

const listed = z.array(
  z.object({ name: z.string(), error: z.string().optional(), message: z.string().optional() }).passthrough(),
);
const refusal = z
  .object({
    message: z.string().optional(),
    category: z.string().optional(),
    errors: z
      .array(
        z
          .object({
            message: z.string().optional(),
            code: z.string().optional(),
            context: z.record(z.string(), z.array(z.string())).optional(),
          })
          .passthrough(),
      )
      .optional(),
  })
  .passthrough();

/**
 * The properties a refusal names: the JSON list in "Property values were not valid: [...]"
 * (§4, the recorded INVALID_OPTION answers carry only that), else `errors[]` with a code and
 * `context.propertyName` (§7, the official example).
 */
export function propertyProblems(body: unknown): PropertyProblem[] {
  const parsed = refusal.safeParse(body);
  if (!parsed.success) return [];
  const message = parsed.data.message ?? '';
  const start = message.indexOf('[');
  if (message.startsWith('Property values were not valid') && start >= 0) {
    try {
      const list = listed.safeParse(JSON.parse(message.slice(start)));
      if (list.success)
        return list.data.map((p) => ({ name: p.name, error: p.error ?? 'INVALID', message: p.message ?? message }));
    } catch {
      // a list HubSpot cut short: fall back to errors[]
    }
  }
  return (parsed.data.errors ?? []).flatMap((e) =>
    (e.context?.propertyName ?? []).map((name) => ({
      name,
      error: e.code ?? 'INVALID',
      message: e.message ?? message,
    })),
  );
}

/** HubSpot's own message in a refusal, for the cases Tierlens has no better words for. */
export function refusalMessage(body: unknown): string {
  const parsed = refusal.safeParse(body);
  return (parsed.success ? parsed.data.message : undefined)?.slice(0, 300) || 'no reason given';
}

const OBJECT = { companies: 'company', contacts: 'contact' } as const;

/** A property HubSpot does not have, in words the user can act on. */
export function missingPropertyWords(
  object: 'companies' | 'contacts',
  property: string,
  configurable: boolean,
  unique = false,
): string {
  const kind = unique ? ' (a unique single-line text property)' : '';
  return configurable
    ? `HubSpot has no ${OBJECT[object]} property ${property}: create it in HubSpot (Settings → Properties)${kind} or name another in Tierlens's settings`
    : `HubSpot has no ${OBJECT[object]} property ${property}, one of HubSpot's own fields: this HubSpot account may not offer it`;
}

/** A value a property refused, in words the user can act on. */
export function refusedValueWords(object: 'companies' | 'contacts', problem: PropertyProblem): string {
  return `HubSpot's ${OBJECT[object]} property ${problem.name} refused the value (${problem.message}): add the option in HubSpot (Settings → Properties) or change the edit`;
}

/** A record the edit is about that HubSpot no longer has. */
export function goneWords(object: 'companies' | 'contacts', id: string): string {
  return `HubSpot has no ${OBJECT[object]} ${id} any more (it was deleted or merged): the edit has nowhere to go`;
}

/** Answers HubSpot gives before doing anything (§7, §8): a write refused so certainly did not land. */
const REFUSED_UNDONE = new Set([401, 403, 423, 429]);

/**
 * What a request that failed as a whole means for its ops. Network errors, timeouts, 429, 5xx
 * and 423 are tried again later, at the server's `Retry-After` if it gave one. So is a refused
 * token or a missing scope: that is not the edits' fault, and they go once the token works (the
 * reason shows meanwhile). `writing`: the request was a write, which may have landed unless
 * HubSpot said it did nothing. An aborted run throws: it is no outcome.
 */
export function requestFailure(error: unknown, signal: AbortSignal, writing: boolean): PushOutcome {
  if (signal.aborted) throw signal.reason;
  const mayHaveLanded = writing && !(error instanceof SourceError && REFUSED_UNDONE.has(error.status ?? 0));
  if (error instanceof SourceError) {
    if (error.retryable)
      return {
        status: 'retry',
        error: error.message,
        mayHaveLanded,
        ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      };
    if (error.status === 401 || error.status === 403)
      return {
        status: 'retry',
        error: `${error.message} Tierlens keeps the edit and sends it once HubSpot accepts the token.`,
        mayHaveLanded,
      };
    return { status: 'failed', error: error.message };
  }
  const why = error instanceof Error ? error.message : String(error);
  return { status: 'retry', error: `HubSpot's answer could not be read (${why}); trying again later.`, mayHaveLanded };
}
