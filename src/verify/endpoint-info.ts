import * as https from "node:https";
import * as http from "node:http";
import * as tls from "node:tls";
import { HaError } from "../errors";
import { axiosLib } from "../zosmf/axios-lib";
import { toZosmfError } from "../zosmf/to-zosmf-error";
import { zosmfInfoSchema, type ZosmfInfo } from "../zosmf/info";
import { parseBody } from "../zosmf/parse";
import type { ZosmfConnection } from "../zosmf";

const INFO = "/zosmf/info";

/**
 * `host:port` → the URL that stands for it, for test set-ups where a name of the topology
 * (a DVIPA) is served at another address. Given on the command line only; never guessed.
 */
export type EndpointMap = Readonly<Record<string, string>>;

/** The URL `https://host:port` is reached at: itself, unless the map names another. */
export function endpointUrl(host: string, port: number, map: EndpointMap = {}): URL {
  const mapped = map[`${host.toLowerCase()}:${port}`];
  return new URL(mapped ?? `https://${host.includes(":") ? `[${host}]` : host}:${port}`);
}

/**
 * GET /zosmf/info without credentials (z/OSMF needs none for it, facts §4.1), so a host
 * named only by the topology never receives the command's user and password. Certificates
 * are checked as the command's own connection says (its CA, its rejectUnauthorized).
 */
export async function anonymousInfo(
  url: URL,
  trust: Pick<ZosmfConnection, "rejectUnauthorized" | "ca" | "requestTimeoutMs">,
  signal?: AbortSignal,
): Promise<ZosmfInfo> {
  const timeout = trust.requestTimeoutMs ?? 30_000;
  const agent =
    url.protocol === "https:"
      ? new https.Agent({
          rejectUnauthorized: trust.rejectUnauthorized ?? true,
          ...(trust.ca ? { ca: [...tls.rootCertificates, trust.ca] } : {}),
        })
      : new http.Agent();
  try {
    const res = await axiosLib().get(new URL(INFO, url).toString(), {
      httpAgent: agent,
      httpsAgent: agent,
      timeout,
      responseType: "json",
      ...(signal ? { signal } : {}),
    });
    return parseBody(zosmfInfoSchema, res.data, "GET", INFO);
  } catch (err) {
    throw toZosmfError(err, {
      method: "GET",
      path: INFO,
      host: url.hostname,
      port: Number(url.port || 443),
      auth: "none",
      timeoutMs: timeout,
    });
  } finally {
    agent.destroy();
  }
}

/** `HOST:PORT=URL` entries from the command line; anything else is refused before anything is sent. */
export function parseEndpointMap(entries: readonly string[]): EndpointMap {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const m = /^([^=\s]+):(\d{1,5})=(https?:\/\/\S+)$/.exec(entry);
    let url: URL | undefined;
    try {
      url = m ? new URL(m[3]) : undefined;
    } catch {
      url = undefined;
    }
    if (!m || !url)
      throw new HaError(`--connect-to: '${entry}' is not HOST:PORT=URL (for example 192.0.2.10:443=https://127.0.0.1:8443)`, {
        failureClass: "invalid-input",
      });
    map[`${m[1].toLowerCase()}:${Number(m[2])}`] = url.origin;
  }
  return map;
}
