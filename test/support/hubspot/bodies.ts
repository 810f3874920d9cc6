/**
 * The bodies the test server answers with: errors (§7), 429s (§8) and batch responses (§4), in
 * the contract's shapes.
 */
import { randomUUID } from 'node:crypto';

/** A route's answer: the status and the JSON payload. */
export type Reply = [status: number, payload: unknown];

/** The server's portal id, as HubSpot puts it in property validation errors (§4). */
export const PORTAL_ID = 891936587;

/** §7 top-level error. */
export function errorBody(category: string, message: string, extra: Record<string, unknown> = {}) {
  return { status: 'error', message, correlationId: randomUUID(), category, ...extra };
}

/** §1: the body HubSpot answers a wrong or missing token with. */
export function unauthorizedBody() {
  return errorBody(
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );
}

/** §7, the official 403 example: the missing scope in `errors[0].context.requiredGranularScopes`. */
export function missingScopesBody(scope: string) {
  return errorBody('MISSING_SCOPES', 'This app hasn\u2019t been granted all required scopes to make this call.', {
    errors: [
      { message: `One or more of the following scopes are required.`, context: { requiredGranularScopes: [scope] } },
    ],
    links: { scopes: 'https://developers.hubspot.com/scopes' },
  });
}

/** §8: the 429 bodies, by the limit hit. */
export function rateLimitBody(policy: 'TEN_SECONDLY_ROLLING' | 'DAILY' | 'SECONDLY') {
  if (policy === 'SECONDLY') return errorBody('RATE_LIMITS', 'You have reached your secondly limit.');
  return {
    status: 'error',
    message:
      policy === 'DAILY' ? 'You have reached your daily limit.' : 'You have reached your ten_secondly_rolling limit.',
    errorType: 'RATE_LIMIT',
    correlationId: randomUUID(),
    policyName: policy,
    requestId: randomUUID(),
  };
}

export function validation(message: string): Reply {
  return [400, errorBody('VALIDATION_ERROR', message)];
}

export function notFound(message: string): Reply {
  return [404, errorBody('OBJECT_NOT_FOUND', message)];
}

/** One property's verdict inside a "Property values were not valid" message (§4, §7). */
export interface PropertyProblem {
  name: string;
  error: 'PROPERTY_DOESNT_EXIST' | 'INVALID_OPTION';
  message: string;
}

/** The message HubSpot gives invalid property values: the verdicts as a JSON list (§4, §7). */
export function propertyProblemsMessage(problems: readonly PropertyProblem[]): string {
  const list = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
    portalId: PORTAL_ID,
  }));
  return `Property values were not valid: ${JSON.stringify(list)}`;
}

/**
 * The whole-request 400 for invalid property values. The official example (§7) carries
 * `errors[]` with a code and the property for PROPERTY_DOESNT_EXIST; the recorded INVALID_OPTION
 * answers (§4) show only the message, so the server gives only the message for those.
 */
export function propertyProblemsReply(problems: readonly PropertyProblem[]): Reply {
  const missing = problems.filter((p) => p.error === 'PROPERTY_DOESNT_EXIST');
  const errors = missing.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } }));
  return [400, errorBody('VALIDATION_ERROR', propertyProblemsMessage(problems), errors.length ? { errors } : {})];
}

/** A 207 error entry for one input of a multi-status batch write (§4, the official example). */
export function inputProblemsEntry(problems: readonly PropertyProblem[], traceId: string) {
  return {
    status: 'error',
    category: 'VALIDATION_ERROR',
    message: propertyProblemsMessage(problems),
    context: { objectWriteTraceId: [traceId] },
  };
}

/** §4 batch response: 200 when everything went, 207 with `errors` otherwise. */
export function batchReply(results: unknown[], errors: unknown[]): Reply {
  const stamp = new Date().toISOString();
  const base = { status: 'COMPLETE', results, startedAt: stamp, completedAt: stamp };
  return errors.length ? [207, { ...base, numErrors: errors.length, errors }] : [200, base];
}
