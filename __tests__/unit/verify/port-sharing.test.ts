import { describe, expect, it } from "vitest";
import { portSharingChecks } from "../../../src/verify/checks/port-sharing";
import { checkOf, conn, judge, portlist, portSharingTopology, type Connection, type Displays } from "./fake-services";

/** SYSA as the topology wants it: 9443 reserved for ZCHA* with SHAREPORTWLM, both servers listening, ZCHA1 on 9444. */
function sysa(opts: { flags?: string; listeners?: string[]; outbound?: string[] } = {}): Displays {
  const listeners: Connection[] = (opts.listeners ?? ["ZCHA1", "ZCHA2"]).map((user) => ({ user, port: 9443 }));
  // An established client connection on the port must not count as a listener.
  const client: Connection[] = listeners.length > 0 ? [{ user: listeners[0].user, port: 9443, state: "ESTBLSH" }] : [];
  return {
    SYSA: {
      "PORTLIST,PORT=9443": portlist([{ port: 9443, user: "ZCHA*", flags: opts.flags ?? "DAW" }]),
      "CONN,PORT=9443": conn([...listeners, ...client]),
      "CONN,PORT=9444": conn((opts.outbound ?? ["ZCHA1"]).map((user) => ({ user, port: 9444 }))),
    },
  };
}

const run = (displays: Displays, topology = portSharingTopology()) => judge(topology, displays, [portSharingChecks]);

describe("port sharing checks", () => {
  it("judges a SHAREPORTWLM port with both servers listening and a separate outbound port healthy", async () => {
    const { checks } = await run(sysa());
    expect(checks.map((c) => [c.id, c.system, c.verdict])).toEqual([
      ["ports.zosconnect-api.reservation", "SYSA", "healthy"],
      ["ports.zosconnect-api.listeners", "SYSA", "healthy"],
      ["ports.zosconnect-api.outbound", "SYSA", "healthy"],
    ]);
    expect(checkOf(checks, "ports.zosconnect-api.reservation", "SYSA").found).toBe("9443 TCP ZCHA* flags DAW");
    expect(checkOf(checks, "ports.zosconnect-api.listeners", "SYSA").found).toBe("listening: ZCHA1, ZCHA2");
    expect(checkOf(checks, "ports.zosconnect-api.outbound", "SYSA").found).toBe("listening on 9444: ZCHA1");
    for (const c of checks) expect(c.reason).toBeUndefined();
  });

  it("fails a reservation with SHAREPORT where the topology says SHAREPORTWLM", async () => {
    const { checks } = await run(sysa({ flags: "DAS" }));
    const c = checkOf(checks, "ports.zosconnect-api.reservation", "SYSA");
    expect(c.verdict).toBe("failed");
    expect(c.found).toBe("9443 TCP ZCHA* flags DAS");
    expect(c.reason).toBe("SYSA: 9443 TCP ZCHA* is reserved with SHAREPORT; the topology says SHAREPORTWLM");
  });

  it("fails a reservation without any sharing flag", async () => {
    const { checks } = await run(sysa({ flags: "DA" }));
    expect(checkOf(checks, "ports.zosconnect-api.reservation", "SYSA").reason).toContain("without SHAREPORT or SHAREPORTWLM");
  });

  it("degrades when one named server is not listening, naming it", async () => {
    const { checks } = await run(sysa({ listeners: ["ZCHA1"] }));
    const c = checkOf(checks, "ports.zosconnect-api.listeners", "SYSA");
    expect(c.verdict).toBe("degraded");
    expect(c.found).toBe("listening: ZCHA1");
    expect(c.reason).toBe("SYSA: ZCHA2 is not listening on 9443");
  });

  it("fails when no server listens on the shared port", async () => {
    const { checks } = await run(sysa({ listeners: [] }));
    const c = checkOf(checks, "ports.zosconnect-api.listeners", "SYSA");
    expect(c.verdict).toBe("failed");
    expect(c.found).toBe("listening: none");
    expect(c.reason).toBe("SYSA: no job matching ZCHA* listens on 9443");
  });

  it("warns when no outbound port is configured, and does not look for one", async () => {
    const { checks, calls } = await run(sysa(), portSharingTopology({ outboundPort: null }));
    const c = checkOf(checks, "ports.zosconnect-api.outbound", "SYSA");
    expect(c.verdict).toBe("degraded");
    expect(c.found).toBe("no outbound port");
    expect(c.reason).toContain("would take outgoing API requests on shared port 9443");
    expect(calls.map((x) => x.arg)).not.toContain("D TCPIP,TCPIP,NETSTAT,CONN,PORT=9444");
  });

  it("degrades when no server listens on the outbound port", async () => {
    const { checks } = await run(sysa({ outbound: [] }));
    expect(checkOf(checks, "ports.zosconnect-api.outbound", "SYSA").reason).toBe(
      "SYSA: none of ZCHA1, ZCHA2 is listening on outbound port 9444",
    );
  });

  it("issues display commands only, on the entry's system", async () => {
    const { calls } = await run(sysa());
    expect(calls.map((c) => [c.op, c.system, c.arg]).sort()).toEqual([
      ["issue", "SYSA", "D TCPIP,TCPIP,NETSTAT,CONN,PORT=9443"],
      ["issue", "SYSA", "D TCPIP,TCPIP,NETSTAT,CONN,PORT=9444"],
      ["issue", "SYSA", "D TCPIP,TCPIP,NETSTAT,PORTLIST,PORT=9443"],
    ]);
  });
});
