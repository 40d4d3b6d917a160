import { describe, expect, it } from "vitest";
import { distributedServicesChecks } from "../../../src/verify/checks/distributed-services";
import {
  checkOf,
  judge,
  servicesTopology,
  vdpt,
  vipadcfgDetail,
  vipadyn,
  type Destination,
  type Displays,
  type Distribute,
  type Sys,
} from "./fake-services";

const ZCON = "192.0.2.1";
const IMS = "192.0.2.2";
const SYSTEMS: readonly Sys[] = ["SYSA", "SYSB", "SYSC"];

interface Plex {
  /** Targets left out of the z/OS Connect VIPADISTRIBUTE. */
  zconNotDistributedTo?: Sys[];
  zconOptLoc?: string;
  imsWeights?: Record<Sys, number>;
  zconRdy?: Partial<Record<Sys, number>>;
  imsRdy?: Partial<Record<Sys, number>>;
}

/** SYSA distributes both services to all three systems; SYSB holds both DVIPAs in backup. */
function plex(p: Plex = {}): Displays {
  const weights = p.imsWeights ?? { SYSA: 2, SYSB: 1, SYSC: 1 };
  const distributes: Distribute[] = [
    ...SYSTEMS.filter((s) => !(p.zconNotDistributedTo ?? []).includes(s)).map((system) => ({
      dvipa: ZCON,
      port: 5595,
      system,
      method: "SERVERWLM",
      optLoc: p.zconOptLoc ?? "1",
    })),
    ...SYSTEMS.map((system) => ({ dvipa: IMS, port: 5801, system, method: "WEIGHTEDACTIVE", optLoc: "NO", weight: weights[system] })),
  ];
  const table: Destination[] = [
    ...SYSTEMS.map((system) => ({ dvipa: ZCON, port: 5595, system, method: "SERVERWLM", rdy: p.zconRdy?.[system] ?? 1 })),
    ...SYSTEMS.map((system) => ({ dvipa: IMS, port: 5801, system, method: "WEIGHTEDACTIVE", rdy: p.imsRdy?.[system] ?? 1, wlm: "01" })),
  ];
  return {
    SYSA: {
      "VIPADCFG,DETAIL": vipadcfgDetail([ZCON, IMS], distributes),
      VIPADYN: vipadyn([ZCON, IMS].map((address) => ({ address, status: "ACTIVE", origin: "VIPADEFINE", distStat: "DIST/DEST" }))),
      VDPT: vdpt(table),
    },
    SYSB: {
      VIPADYN: vipadyn([ZCON, IMS].map((address) => ({ address, status: "BACKUP", origin: "VIPABACKUP", distStat: "DEST" }))),
      VDPT: vdpt([]),
    },
  };
}

const run = (displays: Displays) => judge(servicesTopology(), displays, [distributedServicesChecks]);

describe("distributed service checks", () => {
  it("judges SERVERWLM with OPTLOCAL 1 and WEIGHTEDACTIVE 2:1:1 over three ready targets healthy", async () => {
    const { checks } = await run(plex());
    expect(checks.filter((c) => c.verdict !== "healthy")).toEqual([]);
    expect(checks.map((c) => `${c.id}@${c.system ?? "sysplex"}`)).toEqual([
      "services.zosconnect.vipadcfg@SYSA",
      "services.zosconnect.dvipa@SYSA",
      "services.zosconnect.dvipa@SYSB",
      "services.zosconnect.targets@sysplex",
      "services.imsconnect.vipadcfg@SYSA",
      "services.imsconnect.weights@SYSA",
      "services.imsconnect.dvipa@SYSA",
      "services.imsconnect.dvipa@SYSB",
      "services.imsconnect.targets@sysplex",
    ]);
    expect(checkOf(checks, "services.zosconnect.vipadcfg", "SYSA").found).toBe("5595: SERVERWLM OPTLOCAL 1 to SYSA, SYSB, SYSC on SYSA");
    expect(checkOf(checks, "services.imsconnect.vipadcfg", "SYSA").found).toBe(
      "5801: WEIGHTEDACTIVE NOOPTLOCAL to SYSA, SYSB, SYSC on SYSA",
    );
    expect(checkOf(checks, "services.imsconnect.weights", "SYSA").found).toBe("SYSA 2, SYSB 1, SYSC 1");
    expect(checkOf(checks, "services.zosconnect.targets").found).toBe("5595: SYSA Rdy 1, SYSB Rdy 1, SYSC Rdy 1 in the VDPT of SYSA");
    expect(checkOf(checks, "services.zosconnect.dvipa", "SYSB").found).toBe("BACKUP");
  });

  it("degrades when one z/OS Connect target has no ready listener, naming its system and server", async () => {
    const { checks } = await run(plex({ zconRdy: { SYSB: 0 } }));
    const c = checkOf(checks, "services.zosconnect.targets");
    expect(c.verdict).toBe("degraded");
    expect(c.reason).toBe("SYSB (ZCON2) has no ready listener on 5595 (Rdy 0)");
    expect(checkOf(checks, "services.imsconnect.targets").verdict).toBe("healthy");
  });

  it("fails when no IMS Connect target is ready", async () => {
    const { checks } = await run(plex({ imsRdy: { SYSA: 0, SYSB: 0, SYSC: 0 } }));
    const c = checkOf(checks, "services.imsconnect.targets");
    expect(c.verdict).toBe("failed");
    expect(c.reason).toMatch(/^no ready imsconnect target for 192\.0\.2\.2\.\.5801: SYSA \(IMSCON1\) has no ready listener/);
    expect(c.reason).toContain("SYSC (IMSCON3)");
  });

  it("fails a target missing from the VIPADISTRIBUTE, naming it", async () => {
    const { checks } = await run(plex({ zconNotDistributedTo: ["SYSC"] }));
    const c = checkOf(checks, "services.zosconnect.vipadcfg", "SYSA");
    expect(c.verdict).toBe("failed");
    expect(c.found).toBe("5595: SERVERWLM OPTLOCAL 1 to SYSA, SYSB on SYSA");
    expect(c.reason).toBe("SYSA: SYSC (ZCON3) at DESTIP 198.51.100.3 is not a target of 192.0.2.1..5595");
  });

  it("fails an OPTLOCAL other than the topology's", async () => {
    const { checks } = await run(plex({ zconOptLoc: "NO" }));
    expect(checkOf(checks, "services.zosconnect.vipadcfg", "SYSA").reason).toBe("SYSA: 192.0.2.1..5595 has NOOPTLOCAL, not OPTLOCAL 1");
  });

  it("degrades WEIGHTEDACTIVE weights other than configured", async () => {
    const { checks } = await run(plex({ imsWeights: { SYSA: 1, SYSB: 1, SYSC: 1 } }));
    const c = checkOf(checks, "services.imsconnect.weights", "SYSA");
    expect(c.verdict).toBe("degraded");
    expect(c.reason).toBe("SYSA: SYSA (IMSCON1) has WEIGHT 1 on 5801, not 2");
  });

  it("degrades while the backup distributor has taken the DVIPAs over", async () => {
    const displays = plex();
    const served = displays.SYSA!.VDPT;
    displays.SYSA!.VIPADYN = vipadyn([]);
    displays.SYSB = {
      VIPADYN: vipadyn([ZCON, IMS].map((address) => ({ address, status: "ACTIVE", origin: "VIPABACKUP", distStat: "DIST/DEST" }))),
      VDPT: served,
    };
    const { checks } = await run(displays);
    expect(checkOf(checks, "services.zosconnect.dvipa", "SYSA").reason).toBe("SYSB has taken 192.0.2.1 over from SYSA");
    expect(checkOf(checks, "services.zosconnect.dvipa", "SYSB").verdict).toBe("degraded");
    expect(checkOf(checks, "services.zosconnect.targets").found).toContain("in the VDPT of SYSB");
  });

  it("issues display commands only, on the distributor and its backup", async () => {
    const { calls } = await run(plex());
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.op).toBe("issue");
      expect(c.arg).toMatch(/^D TCPIP,TCPIP,NETSTAT,(VIPADCFG,DETAIL|VIPADYN|VDPT)$/);
    }
    expect(calls.map((c) => `${c.system} ${c.arg}`).sort()).toEqual([
      "SYSA D TCPIP,TCPIP,NETSTAT,VDPT",
      "SYSA D TCPIP,TCPIP,NETSTAT,VIPADCFG,DETAIL",
      "SYSA D TCPIP,TCPIP,NETSTAT,VIPADYN",
      "SYSB D TCPIP,TCPIP,NETSTAT,VDPT",
      "SYSB D TCPIP,TCPIP,NETSTAT,VIPADYN",
    ]);
  });
});
