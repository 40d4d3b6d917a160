import type * as PRetry from "p-retry";
import type { RetryPolicy } from "./connection";
import { ZosmfError } from "./errors";
import { sleep } from "./poll";

let retryLib: typeof PRetry | undefined;

/** p-retry, required when the first request is made rather than when a handler loads. */
function pRetry(): typeof PRetry.default {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use
  return (retryLib ??= require("p-retry") as typeof PRetry).default;
}

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "ESOCKETTIMEDOUT", "EAI_AGAIN"]);

/** Failures that say nothing about the request itself, so a repeat may well succeed. */
export function isTransient(err: unknown): err is ZosmfError {
  if (!(err instanceof ZosmfError)) return false;
  if (err.status !== undefined) return RETRYABLE_STATUS.has(err.status);
  return err.code !== undefined && RETRYABLE_CODES.has(err.code);
}

/**
 * Runs `attempt` again on transient failures, within the policy's attempt and time bounds,
 * with jittered exponential backoff. Only call it for requests that are safe to repeat.
 */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  policy: RetryPolicy,
  options: { readonly signal?: AbortSignal } = {},
): Promise<T> {
  const started = performance.now();
  let tries = 0;
  try {
    return await pRetry()(
      (n) => {
        tries = n;
        return attempt(n);
      },
      {
        retries: policy.attempts - 1,
        factor: 2,
        minTimeout: policy.minDelayMs,
        maxTimeout: policy.maxDelayMs,
        randomize: true,
        maxRetryTime: policy.maxTotalMs,
        ...(options.signal ? { signal: options.signal } : {}),
        shouldRetry: ({ error }) => isTransient(error),
        onFailedAttempt: async ({ error, retriesLeft }) => {
          if (!isTransient(error) || retriesLeft <= 0 || error.retryAfterMs === undefined) return;
          const remaining = policy.maxTotalMs - (performance.now() - started);
          // Waiting past the budget only to give up later would just delay the bad news.
          if (error.retryAfterMs > remaining) throw error;
          await sleep(error.retryAfterMs, options.signal);
        },
      },
    );
  } catch (err) {
    if (err instanceof ZosmfError && tries > 1) {
      err.attempts = tries;
      if (isTransient(err)) err.message += ` (gave up after ${tries} attempts)`;
    }
    throw err;
  }
}
