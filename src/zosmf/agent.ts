import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import tls from "node:tls";
import type { ResolvedAuth, ZosmfConnection } from "./connection";

/** Connections open at once to one z/OSMF: a 32-system sysplex is read in one wave, and the server sees a fixed bound. */
export const MAX_SOCKETS = 32;

/** The code of a connect (TCP and TLS) that did not complete within --establish-connection-timeout. */
export const CONNECT_TIMEOUT_CODE = "ECONNECTTIMEOUT";

/**
 * Bounds the connect itself: a request timeout only starts counting once a socket exists, and
 * a host that never answers the SYN (or never finishes the handshake) would otherwise hold the
 * request for the operating system's own connect timeout.
 */
function boundConnect(agent: http.Agent, ms: number, secure: boolean): void {
  const create = (agent as unknown as { createConnection: (...args: unknown[]) => Socket }).createConnection.bind(agent);
  (agent as unknown as { createConnection: (...args: unknown[]) => Socket }).createConnection = (...args: unknown[]) => {
    const socket = create(...args);
    const timer = setTimeout(() => {
      const err = Object.assign(new Error(`connect did not complete within ${ms} ms`), { code: CONNECT_TIMEOUT_CODE });
      socket.destroy(err);
    }, ms);
    timer.unref();
    socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(timer));
    socket.once("close", () => clearTimeout(timer));
    return socket;
  };
}

/** Keep-alive sockets with the TLS settings (certificate checking, client certificate, extra CA) and the connect bound. */
export function agentFor(conn: ZosmfConnection, auth: ResolvedAuth): http.Agent {
  const agent =
    conn.protocol !== "https"
      ? new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS })
      : new https.Agent({
          keepAlive: true,
          maxSockets: MAX_SOCKETS,
          rejectUnauthorized: conn.rejectUnauthorized ?? true,
          // Built once: given as plain options, every new socket would parse the whole trust store again.
          secureContext: tls.createSecureContext({
            ...(auth.kind === "cert" ? { cert: auth.cert, key: auth.key } : {}),
            // Setting `ca` replaces Node's trust store, so keep the public roots next to the extra CA.
            ...(conn.ca ? { ca: [...tls.rootCertificates, conn.ca] } : {}),
          }),
        });
  if (conn.connectTimeoutMs !== undefined && conn.connectTimeoutMs > 0)
    boundConnect(agent, conn.connectTimeoutMs, conn.protocol === "https");
  return agent;
}
