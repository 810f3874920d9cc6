import { parseRetryAfter, SourceError } from '../errors';
import { errorBodySchema, type HubSpotErrorBody } from './wire';

/** The 10-second window of HubSpot's burst limit (§8 `X-HubSpot-RateLimit-Interval-Milliseconds`). */
export const TEN_SECOND_WINDOW_MS = 10_000;
/** The search API's window: five requests a second (§3). */
export const SEARCH_WINDOW_MS = 1000;
/** "423 Locked … Include a delay of at least 2 seconds" (§4). */
export const LOCKED_DELAY_MS = 2000;

function readBody(text: string): HubSpotErrorBody {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {}; // 5xx bodies are often HTML (§7)
  }
}

/** The next full hour after `now`: midnight in any time zone falls on one (give or take a half hour). */
function nextHour(now: number): number {
  return Math.ceil((now + 1) / 3_600_000) * 3_600_000;
}

/**
 * A SourceError for a failed HubSpot response, in words a user can act on. 429 and 5xx are
 * retryable (the wait from `Retry-After`, else the window of the limit that was hit); 401/403
 * are not (a retry cannot fix a token). `redact` removes the token from any text echoed back.
 */
export function responseError(
  status: number,
  text: string,
  headers: Headers,
  now: number,
  redact: (s: string) => string,
): SourceError {
  const body = readBody(text);
  const said = redact(body.message ?? '').slice(0, 300);
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now);
  // HubSpot's own 401 text speaks of OAuth and API keys, which misleads someone holding a private
  // app token: say what it means for them instead.
  if (status === 401)
    return new SourceError(
      'HubSpot refused the token: it is not valid, or it was revoked or rotated. Check the private app token (Settings › Integrations › Private Apps in HubSpot) and paste it again.',
      { retryable: false, status },
    );
  if (status === 403) {
    const scopes = body.errors?.flatMap((e) => {
      const needed = e.context?.requiredGranularScopes;
      return Array.isArray(needed) ? needed.map(String) : [];
    });
    const missing = scopes?.length ? ` It needs the scope ${scopes.join(', ')}.` : '';
    return new SourceError(`HubSpot refused the token: ${said || 'it lacks a permission'}.${missing}`, {
      retryable: false,
      status,
    });
  }
  if (status === 429) return rateLimitError(body, retryAfterMs, now);
  if (status === 423)
    return new SourceError('HubSpot is busy with this account (locked); trying again shortly.', {
      retryable: true,
      retryAfterMs: retryAfterMs ?? LOCKED_DELAY_MS,
      status,
    });
  if (status >= 500)
    return new SourceError(`HubSpot had a server error (HTTP ${status}); trying again later.`, {
      retryable: true,
      retryAfterMs,
      status,
    });
  const category = body.category ? ` ${body.category}` : '';
  return new SourceError(`HubSpot rejected the request (HTTP ${status}${category}): ${said || 'no reason given'}`, {
    retryable: false,
    status,
  });
}

function rateLimitError(body: HubSpotErrorBody, retryAfterMs: number | undefined, now: number): SourceError {
  if (body.policyName === 'DAILY') {
    // The daily limit resets at midnight in the portal's time zone (§8), which the API does not tell us.
    const at = retryAfterMs === undefined ? nextHour(now) : now + retryAfterMs;
    return new SourceError(
      `HubSpot's daily API limit for this account is used up. It resets at midnight in the account's time zone; Tierlens tries again after ${new Date(at).toISOString()}.`,
      { retryable: true, retryAfterMs: at - now, status: 429 },
    );
  }
  // Search's own limit is told apart by its message (§8, as the official client does).
  const search = body.policyName === undefined && /secondly limit/i.test(body.message ?? '');
  const window = search ? SEARCH_WINDOW_MS : TEN_SECOND_WINDOW_MS;
  return new SourceError(`HubSpot asked to slow down (rate limit${body.policyName ? ` ${body.policyName}` : ''}).`, {
    retryable: true,
    retryAfterMs: retryAfterMs ?? window,
    status: 429,
  });
}

/** A network failure or a timeout, which a retry may cure. */
export function networkError(error: unknown, redact: (s: string) => string): SourceError {
  const timeout = error instanceof DOMException && error.name === 'TimeoutError';
  const detail = timeout ? 'no answer in time' : redact(error instanceof Error ? error.message : String(error));
  return new SourceError(`Could not reach HubSpot (${detail}); trying again later.`, { retryable: true, cause: error });
}
