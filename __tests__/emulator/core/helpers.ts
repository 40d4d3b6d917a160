/** A small z/OSMF client for the core tests: basic auth and the CSRF header by default. */
import { start, type Emulator, type StartOptions } from "../../../emulator";

/**
 * A response body as these tests read it: they walk into bodies whose shape is the thing under test, and a cast at
 * each of about a hundred reads would hide the assertion behind it. A test that wants a checked shape passes one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loosely typed body, kept to test reads
export type ResponseJson = any;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: <T = ResponseJson>() => T;
}

export interface Client {
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; auth?: boolean; csrf?: boolean; base?: string },
  ): Promise<Answer>;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  del(path: string, headers?: Record<string, string>): Promise<Answer>;
  control(method: string, path: string, body?: unknown): Promise<Answer>;
}

export function client(emulator: Emulator): Client {
  const auth = `Basic ${Buffer.from(`${emulator.user}:${emulator.password}`).toString("base64")}`;
  const request: Client["request"] = async (method, path, options = {}) => {
    const headers: Record<string, string> = {};
    if (options.auth !== false) headers.Authorization = auth;
    if (options.csrf !== false) headers["X-CSRF-ZOSMF-HEADER"] = "true";
    let body: string | undefined;
    if (options.body !== undefined) {
      if (typeof options.body === "string") {
        body = options.body;
        headers["Content-Type"] = "text/plain";
      } else {
        body = JSON.stringify(options.body);
        headers["Content-Type"] = "application/json";
      }
    }
    Object.assign(headers, options.headers ?? {});
    const res = await fetch(`${options.base ?? emulator.url}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  };
  return {
    request,
    get: (path, headers) => request("GET", path, { headers }),
    put: (path, body, headers) => request("PUT", path, { body, headers }),
    post: (path, body, headers) => request("POST", path, { body, headers }),
    del: (path, headers) => request("DELETE", path, { headers }),
    control: (method, path, body) => request(method, `/__emulator/${path}`, { body, auth: false, csrf: false }),
  };
}

/** Plain HTTP on a free port, frozen clock unless told otherwise. */
export function startPlain(options: StartOptions = {}): Promise<Emulator> {
  return start({ tls: false, port: 0, manualClock: true, ...options });
}

export const JOB = (name: string, steps: string) => `//${name} JOB (ACCT),'TEST',CLASS=A,MSGCLASS=X\n${steps}`;

/** Move the frozen clock past a job's INPUT and ACTIVE time. */
export async function finishJobs(c: Client, ms = 1_000): Promise<void> {
  await c.control("POST", "clock", { advanceMs: ms });
}
