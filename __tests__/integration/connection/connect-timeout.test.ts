import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createZosmfClient, ZosmfError } from "../../../src/zosmf";

let server: Server | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** A port that takes the TCP connection and never answers the TLS handshake: a wedged server or a proxy. */
async function silentPort(): Promise<number> {
  server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
}

describe("--establish-connection-timeout", () => {
  it("ends a connect that never completes as a connect timeout naming the option, long before the request timeout", async () => {
    const port = await silentPort();
    const client = createZosmfClient({
      hostname: "127.0.0.1",
      port,
      protocol: "https",
      user: "IBMUSER",
      password: "pw",
      connectTimeoutMs: 2_000,
      requestTimeoutMs: 120_000,
    });
    const err = await client.jobs.list().catch((e: unknown) => e);
    await client.close();
    expect(err).toBeInstanceOf(ZosmfError);
    expect((err as ZosmfError).kind).toBe("timeout");
    expect((err as ZosmfError).code).toBe("ECONNECTTIMEOUT");
    expect((err as ZosmfError).hint).toMatch(/--establish-connection-timeout/);
  }, 20_000);
});
