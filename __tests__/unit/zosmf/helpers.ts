import nock from "nock";
import { afterEach, beforeAll, beforeEach, afterAll } from "vitest";
import { createZosmfClient, type RequestEvent, type ZosmfClient, type ZosmfConnection, type ZosmfError } from "../../../src/zosmf/index";

export const HOST = "zosmf.example.test";
export const PORT = 10443;
export const ORIGIN = `https://${HOST}:${PORT}`;
export const PASSWORD = "s3cr3t-Pw";

/** Fast retries so tests do not wait on production backoff. */
export const FAST_RETRY = { attempts: 3, maxTotalMs: 10_000, minDelayMs: 5, maxDelayMs: 20 } as const;

export function connection(overrides: Partial<ZosmfConnection> = {}): ZosmfConnection {
  return { hostname: HOST, port: PORT, protocol: "https", user: "IBMUSER", password: PASSWORD, retry: FAST_RETRY, ...overrides };
}

export function client(overrides: Partial<ZosmfConnection> = {}, events?: RequestEvent[]): ZosmfClient {
  const c = createZosmfClient(connection(overrides), events ? { onRequest: (e) => events.push(e) } : {});
  opened.push(c);
  return c;
}

const opened: ZosmfClient[] = [];

/** A z/OSMF without the logon service (404): Basic credentials on each request, as most tests here expect. */
export function noLogonService(): void {
  nock(ORIGIN)
    .persist()
    .post(/\/zosmf\/services\/authenticate$/)
    .optionally()
    .reply(404);
}

/** Disables real network access and checks that every expected request was made. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  beforeEach(noLogonService);
  afterAll(() => nock.enableNetConnect());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    while (opened.length) opened.pop()?.close();
    if (pending.length) throw new Error(`Expected requests not made: ${pending.join(", ")}`);
  });
}

export function zosmf(): nock.Scope {
  return nock(ORIGIN);
}

/**
 * Runs the promise and returns what it rejected with, failing if it resolved. The caller names the error type it
 * expects (a ZosmfError unless told); the tests check the class with toBeInstanceOf before reading its fields.
 */
export async function rejection<E = ZosmfError>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (err) {
    return err as E;
  }
  throw new Error("expected the promise to reject");
}

/** A socket-level failure as Node reports it (nock needs a real Error to pass it on). */
export function netError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}
