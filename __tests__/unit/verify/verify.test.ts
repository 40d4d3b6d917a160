import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyFailure as failureOf } from "../../../src/run/exit-policy";
import { renderJunit } from "../../../src/report/junit";
import { renderVerifyResult } from "../../../src/report/verify-text";
import { verify, type VerifyResult } from "../../../src/run/verify";
import type { CheckModule } from "../../../src/verify";
import { withoutPersistence } from "../../example-topology";
import { fakeClient, healthySysplex, izuprm, vdpt, vipadcfg, vipadyn, type Call, type FakeSysplex } from "./fake-sysplex";

const EXAMPLE = join(__dirname, "../../../examples/two-system.yaml");
const CONNECTION = { hostname: "plex1.example.com", port: 443, protocol: "https" as const, user: "IBMUSER", password: "secret" };

function topologyFile(edit: (yaml: string) => string = (y) => y): string {
  const dir = mkdtempSync(join(tmpdir(), "ha-verify-"));
  const file = join(dir, "topology.yaml");
  writeFileSync(file, edit(readFileSync(EXAMPLE, "utf8")));
  return file;
}

async function run(
  plex: FakeSysplex,
  opts: { file?: string; timeoutMs?: number; modules?: CheckModule[]; sysplexWide?: boolean } = {},
): Promise<{ result: VerifyResult; calls: Call[] }> {
  const calls: Call[] = [];
  const result = await verify({
    topologyFile: opts.file ?? EXAMPLE,
    connection: CONNECTION,
    systemTimeoutMs: opts.timeoutMs ?? 5_000,
    createClient: () => fakeClient(plex, calls),
    // The DVIPA answers end to end; what it says is tested against the emulator.
    readEndpointInfo: async () => ({ zosmf_version: "27" }),
    ...(opts.modules ? { modules: opts.modules } : {}),
    ...(opts.sysplexWide === false ? { sysplexWide: false } : {}),
  });
  return { result, calls };
}

const find = (r: VerifyResult, id: string, system?: string) => {
  const c = r.checks.find((x) => x.id === id && x.system === system);
  if (c === undefined) throw new Error(`no check ${id} for ${system}`);
  return c;
};

/** SYSA gone: SYSB took the DVIPA over and serves from its own VDPT. */
function takeover(plex: FakeSysplex, opts: { autoSwitchBack: boolean; sysaRdy?: number }): FakeSysplex {
  plex.stacks.SYSB = {
    vipadcfg: vipadcfg({ backup: true, distribute: { autoSwitchBack: opts.autoSwitchBack } }),
    vdpt: vdpt([
      ...(opts.sysaRdy !== undefined ? [{ system: "SYSA" as const, role: "PREFERRED" as const, rdy: opts.sysaRdy }] : []),
      { system: "SYSB", role: "BACKUP", rdy: 1, active: true },
    ]),
    vipadyn: vipadyn({ status: "ACTIVE", origin: "VIPABACKUP", distStat: "DIST/DEST" }),
  };
  return plex;
}

/** SYSA is back and distributes again, but its VDPT still has SYSB Active. */
function backupStillServing(plex: FakeSysplex, autoSwitchBack: boolean): FakeSysplex {
  plex.stacks.SYSA = {
    vipadcfg: vipadcfg({ define: true, distribute: { autoSwitchBack } }),
    vdpt: vdpt([
      { system: "SYSA", role: "PREFERRED", rdy: 1 },
      { system: "SYSB", role: "BACKUP", rdy: 1, active: true },
    ]),
    vipadyn: vipadyn({ status: "ACTIVE", origin: "VIPADEFINE", distStat: "DIST/DEST" }),
  };
  return plex;
}

describe("verify", () => {
  it("judges a sysplex with hot standby in force healthy", async () => {
    const { result } = await run(healthySysplex());
    const notHealthy = result.checks.filter((c) => c.verdict !== "healthy");
    expect(notHealthy).toEqual([]);
    expect(result.verdict).toBe("healthy");
    expect(result.unreadable).toEqual([]);
    expect(result.summary.total).toBe(result.checks.length);
    const ids = new Set(result.checks.map((c) => c.id));
    for (const id of [
      "zosmf.reachable",
      "zosmf.parmlib.autostart-group",
      "zosmf.parmlib.user-dir",
      "zosmf.user-dir.mounted",
      "tcpip.dynamicxcf",
      "tcpip.dvipa.role",
      "tcpip.dvipa.one-active",
      "tcpip.vipadistribute.method",
      "tcpip.vipadistribute.targets",
      "tcpip.vipadistribute.autoswitchback",
      "tcpip.vdpt.one-active",
      "tcpip.vdpt.ready",
      "tcpip.vdpt.preferred-active",
      "tcpip.hotstandby",
      "caching.storage.mode",
      "caching.infinispan.initial-hosts",
      "caching.infinispan.ports",
      "persistence.tcpip",
      "persistence.mounts",
      "persistence.autostart",
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(failureOf(result, "degraded")).toBeUndefined();
  });

  it("says, for each system, that a set-up the topology does not name IPL-time members for would be lost at the next IPL", async () => {
    const file = topologyFile((y) => withoutPersistence(y));
    const { result, calls } = await run(healthySysplex(), { file });
    const persistence = result.checks.filter((c) => c.id.startsWith("persistence."));
    expect(persistence.map((c) => `${c.id} ${c.system} ${c.verdict}: ${c.reason}`)).toEqual([
      "persistence.tcpip SYSA degraded: would be lost at the next IPL of SYSA: systems[0].tcpip.profile is not set, so nothing brings back TCPIP.HA.OBEY(HASYSA) when the stack starts again",
      "persistence.tcpip SYSB degraded: would be lost at the next IPL of SYSB: systems[1].tcpip.profile is not set, so nothing brings back TCPIP.HA.OBEY(HASYSB) when the stack starts again",
      "persistence.mounts SYSA degraded: would be lost at the next IPL of SYSA: systems[0].ipl.bpxprm is not set, so nothing mounts IZU.SIZUUSRD.ZOSMFA at /global/zosmf/zosmfa when SYSA IPLs",
      "persistence.autostart SYSA degraded: would be lost at the next IPL of SYSA: systems[0].ipl.ieasys is not set, so nothing starts z/OSMF from IZUPRM0A when SYSA IPLs",
      "persistence.mounts SYSB degraded: would be lost at the next IPL of SYSB: systems[1].ipl.bpxprm is not set, so nothing mounts IZU.SIZUUSRD.ZOSMFB at /global/zosmf/zosmfb when SYSB IPLs",
      "persistence.autostart SYSB degraded: would be lost at the next IPL of SYSB: systems[1].ipl.ieasys is not set, so nothing starts z/OSMF from IZUPRM0B when SYSB IPLs",
    ]);
    // Nothing is read for a member the topology does not name.
    expect(calls.filter((c) => /\((PROF|BPXPRM|IEASYS|HA)/.test(c.arg))).toEqual([]);
    expect(result.checks.filter((c) => c.verdict !== "healthy").every((c) => c.id.startsWith("persistence."))).toBe(true);
    // HA serves until that IPL: accepted by default, a failure only under --fail-on degraded.
    expect(result.verdict).toBe("degraded");
    expect(failureOf(result, "failed")).toBeUndefined();
    expect(failureOf(result, "degraded")?.failureClass).toBe("zos-failure");
  });

  it("says degraded, and why, when the preferred system is down and the backup serves", async () => {
    const plex = takeover(healthySysplex(), { autoSwitchBack: true });
    plex.stacks.SYSA = "down";
    const { result } = await run(plex);
    expect(result.verdict).toBe("degraded");
    expect(result.summary.failed).toBe(0);
    expect(find(result, "tcpip.hotstandby").reason).toBe("SYSB is serving because SYSA is not active");
    expect(find(result, "tcpip.vdpt.one-active").found).toContain("SYSB Active");
    expect(find(result, "tcpip.dvipa.role", "SYSB").verdict).toBe("degraded");
    expect(result.unreadable).toEqual([]);
    expect(failureOf(result, "failed")).toBeUndefined();
    expect(failureOf(result, "degraded")?.failureClass).toBe("zos-failure");
  });

  it("never takes a system missing from an XCF display cut short for a down system", async () => {
    const plex = healthySysplex();
    plex.xcfCutShort = true;
    const { result } = await run(plex);
    expect(result.down ?? []).not.toContainEqual(expect.objectContaining({ system: "SYSB" }));
    expect(find(result, "system.active", "SYSB").verdict).not.toBe("degraded");
    expect(find(result, "tcpip.dvipa.role", "SYSB").verdict).toBe("healthy");
  });

  it("says the preferred has no ready listener when it is up without a server", async () => {
    const plex = takeover(healthySysplex(), { autoSwitchBack: true, sysaRdy: 0 });
    plex.stacks.SYSA = {
      ...(plex.stacks.SYSA as Exclude<FakeSysplex["stacks"]["SYSA"], string>),
      vipadyn: vipadyn({ status: "BACKUP", origin: "VIPADEFINE", distStat: "DEST" }),
    };
    const { result } = await run(plex);
    expect(result.verdict).toBe("degraded");
    expect(find(result, "tcpip.hotstandby").reason).toBe("SYSB is serving because SYSA has no ready listener");
    expect(find(result, "tcpip.vdpt.ready", "SYSA").verdict).toBe("degraded");
    // The summary is wrapped between words at 80 columns; read as one sentence.
    expect(renderVerifyResult(result).replace(/\n\s+/g, " ")).toContain(
      "hot standby degraded: SYSB is serving because SYSA has no ready listener",
    );
  });

  it("says NOAUTOSWITCHBACK keeps the backup serving after the preferred came back", async () => {
    const file = topologyFile((y) => y.replace("autoSwitchBack: true", "autoSwitchBack: false"));
    const { result } = await run(backupStillServing(healthySysplex(), false), { file });
    expect(result.verdict).toBe("degraded");
    expect(find(result, "tcpip.hotstandby").reason).toContain("NOAUTOSWITCHBACK keeps the backup serving after SYSA came back");
    expect(find(result, "tcpip.vipadistribute.autoswitchback").verdict).toBe("healthy");
  });

  it("fails when AUTOSWITCHBACK is on but the backup still serves a ready preferred", async () => {
    const { result } = await run(backupStillServing(healthySysplex(), true));
    expect(find(result, "tcpip.vdpt.preferred-active").verdict).toBe("failed");
    expect(find(result, "tcpip.hotstandby").reason).toContain("AUTOSWITCHBACK is on");
  });

  it("fails with 'no standby on SYSB' when the backup has no ready listener", async () => {
    const plex = healthySysplex();
    const sysa = plex.stacks.SYSA as Exclude<FakeSysplex["stacks"]["SYSA"], string>;
    sysa.vdpt = vdpt([
      { system: "SYSA", role: "PREFERRED", rdy: 1, active: true },
      { system: "SYSB", role: "BACKUP", rdy: 0 },
    ]);
    const { result } = await run(plex);
    expect(result.verdict).toBe("failed");
    expect(find(result, "tcpip.vdpt.ready", "SYSB").reason).toMatch(/^no standby on SYSB/);
    expect(find(result, "tcpip.hotstandby").verdict).toBe("failed");
    expect(failureOf(result, "failed")?.failureClass).toBe("zos-failure");
  });

  it("fails when no target is Active", async () => {
    const plex = healthySysplex();
    const sysa = plex.stacks.SYSA as Exclude<FakeSysplex["stacks"]["SYSA"], string>;
    sysa.vdpt = vdpt([
      { system: "SYSA", role: "PREFERRED", rdy: 1 },
      { system: "SYSB", role: "BACKUP", rdy: 1 },
    ]);
    const { result } = await run(plex);
    expect(find(result, "tcpip.vdpt.one-active").verdict).toBe("failed");
    expect(find(result, "tcpip.hotstandby").verdict).toBe("failed");
    expect(find(result, "tcpip.hotstandby").reason).toContain("nothing is Active");
  });

  it("fails when the DVIPA is active nowhere", async () => {
    const plex = healthySysplex();
    const sysa = plex.stacks.SYSA as Exclude<FakeSysplex["stacks"]["SYSA"], string>;
    sysa.vipadyn = vipadyn();
    const { result } = await run(plex);
    expect(find(result, "tcpip.dvipa.one-active").reason).toContain("active on none of the stacks");
    expect(find(result, "tcpip.hotstandby").verdict).toBe("failed");
  });

  it("fails a PARMLIB member that breaks a rule, naming the rule and the member", async () => {
    const plex = healthySysplex();
    plex.members.IZUPRM0B = izuprm({ group: "IZUDFLA", proc: "IZUSVRB", dir: "/global/zosmf/zosmfb", keyring: "OTHER.RING" });
    const { result } = await run(plex);
    const group = find(result, "zosmf.parmlib.autostart-group", "SYSB");
    expect(group.verdict).toBe("failed");
    expect(group.reason).toContain("SYS1.PARMLIB(IZUPRM0B): AUTOSTART_GROUP 'IZUDFLA' is also used by SYSA");
    expect(find(result, "zosmf.parmlib.keyring-name", "SYSB").reason).toContain("SYS1.PARMLIB(IZUPRM0B): KEYRING_NAME 'OTHER.RING'");
    expect(find(result, "zosmf.parmlib.server-proc", "SYSB").verdict).toBe("healthy");
  });

  it("calls a USER_DIR owned by another system degraded: the shared file system still serves it", async () => {
    const plex = healthySysplex();
    plex.mounts["/global/zosmf/zosmfb"].sysname = "SYSA";
    const { result } = await run(plex);
    const c = find(result, "zosmf.user-dir.mounted", "SYSB");
    expect(c.verdict).toBe("degraded");
    expect(c.reason).toBe("SYSB: USER_DIR /global/zosmf/zosmfb is owned by SYSA, not by SYSB; z/OSMF on SYSB depends on SYSA for it");
  });

  it("fails only the checks of a system that does not answer in time, asked alone", async () => {
    const plex = healthySysplex();
    plex.stacks.SYSB = "silent";
    const { result } = await run(plex, { timeoutMs: 300, sysplexWide: false });
    expect(result.unreadable).toEqual(["SYSB"]);
    const xcfB = find(result, "tcpip.dynamicxcf", "SYSB");
    expect(xcfB.verdict).toBe("failed");
    expect(xcfB.reason).toMatch(/^SYSB: could not be read: no answer within 0.3 s/);
    expect(find(result, "tcpip.dynamicxcf", "SYSA").verdict).toBe("healthy");
    expect(find(result, "zosmf.parmlib.autostart-group", "SYSA").verdict).toBe("healthy");
    expect(failureOf(result, "failed")?.failureClass).toBe("tool-failure");
  });

  it("fails only the checks of a system a routed display names as not answering", async () => {
    const plex = healthySysplex();
    plex.stacks.SYSB = "silent";
    const { result } = await run(plex, { timeoutMs: 300 });
    expect(result.unreadable).toEqual(["SYSB"]);
    const xcfB = find(result, "tcpip.dynamicxcf", "SYSB");
    expect(xcfB.verdict).toBe("failed");
    expect(xcfB.reason).toMatch(/^SYSB: could not be read: SYSB did not answer RO \*ALL,D TCPIP.* in time/);
    expect(find(result, "tcpip.dynamicxcf", "SYSA").verdict).toBe("healthy");
    expect(find(result, "zosmf.parmlib.autostart-group", "SYSA").verdict).toBe("healthy");
    expect(failureOf(result, "failed")?.failureClass).toBe("tool-failure");
  });

  it("reports an API failure on one system as unreadable", async () => {
    const plex = healthySysplex();
    plex.stacks.SYSB = "unreachable";
    const { result } = await run(plex);
    expect(result.unreadable).toEqual(["SYSB"]);
    expect(find(result, "tcpip.dynamicxcf", "SYSB").reason).toMatch(/^SYSB: could not be read: /);
    expect(find(result, "tcpip.dynamicxcf", "SYSA").verdict).toBe("healthy");
  });

  it("fails an unrecognised display and quotes its first lines", async () => {
    const plex = healthySysplex();
    const sysa = plex.stacks.SYSA as Exclude<FakeSysplex["stacks"]["SYSA"], string>;
    sysa.vdpt = "SOMETHING QUITE DIFFERENT\rNOT A REPORT AT ALL";
    const { result } = await run(plex);
    const c = find(result, "tcpip.vdpt.one-active");
    expect(c.verdict).toBe("failed");
    expect(c.reason).toContain('"SOMETHING QUITE DIFFERENT" / "NOT A REPORT AT ALL"');
    expect(find(result, "tcpip.hotstandby").verdict).toBe("failed");
  });

  it("fails a stack outside the sysplex group", async () => {
    const plex = healthySysplex();
    const sysb = plex.stacks.SYSB as Exclude<FakeSysplex["stacks"]["SYSB"], string>;
    sysb.vipadcfg = sysb.vipadcfg.replace(
      "DYNAMIC VIPA INFORMATION:",
      "EZZ2502I STACK TCPIP ON SYSB IS NOT A MEMBER OF THE SYSPLEX GROUP\rEZZ2503I ALL DYNAMIC VIPA CONFIGURATION IS INACTIVE\rDYNAMIC VIPA INFORMATION:",
    );
    const { result } = await run(plex);
    const c = find(result, "tcpip.dynamicxcf", "SYSB");
    expect(c.verdict).toBe("failed");
    expect(c.reason).toContain("not in the sysplex group");
  });

  it("asks $D MEMBER once, since one MAS member's answer shows the whole MAS, and fails a system outside it", async () => {
    const good = await run(healthySysplex());
    expect(good.calls.filter((c) => c.op === "issue" && c.arg.endsWith("$D MEMBER"))).toHaveLength(1);
    expect(find(good.result, "sysplex.jes2").verdict).toBe("healthy");
    const plex = healthySysplex();
    plex.masMembers = ["SYSA"];
    const bad = find((await run(plex)).result, "sysplex.jes2");
    expect(bad.verdict).toBe("failed");
    expect(bad.reason).toContain("not active members of its MAS: SYSB");
  });

  it("issues display commands and GET reads only", async () => {
    const plex = takeover(healthySysplex(), { autoSwitchBack: true });
    const { calls } = await run(plex);
    const ops = new Set(calls.map((c) => c.op));
    for (const op of ops) expect(["info", "read", "listMounts", "listDatasets", "readUss", "issue"]).toContain(op);
    const commands = calls.filter((c) => c.op === "issue");
    expect(commands.length).toBeGreaterThan(0);
    // NETSTAT reports, XCF, and the sysplex prerequisites' displays (D T, RVARY LIST, D OMVS,O, $D MEMBER).
    for (const c of commands)
      expect(c.arg).toMatch(/^(RO \*ALL,)?(D (TCPIP,TCPIP,NETSTAT,(VIPADCFG|VDPT|VIPADYN)|XCF,S,ALL|T|OMVS,O)|RVARY LIST|\$D MEMBER)$/);
    expect(new Set(commands.map((c) => c.system))).toEqual(new Set(["SYSA", "SYSB"]));
  });

  it("refuses to send a command that is not a display", async () => {
    const sneaky: CheckModule = {
      name: "sneaky",
      applies: () => true,
      systemReads: (_t, s) => [{ key: "vary", run: (ctx) => ctx.display(`V TCPIP,${s.tcpip.proc},OBEYFILE,DSN=X`) }],
      judge: () => [],
    };
    const { calls } = await run(healthySysplex(), { modules: [sneaky] });
    expect(calls.filter((c) => c.op === "issue")).toEqual([]);
  });
});

describe("reports", () => {
  it("writes well-formed JUnit with one test case per check and escaped text", async () => {
    const plex = healthySysplex();
    plex.members.IZUPRM0B = izuprm({ group: "IZUDFLA", proc: "IZUSVRB", dir: "/global/zosmf/zosmfb", keyring: `R<&">\u0001` });
    const { result } = await run(takeover(plex, { autoSwitchBack: true }));
    const xml = renderJunit(result);
    expect(xml.match(/<testcase /g)?.length).toBe(result.checks.length);
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    expect(xml).toContain("R&lt;&amp;&quot;&gt;");
    expectWellFormed(xml);
    const failures = (xml.match(/<failure /g) ?? []).length;
    expect(failures).toBe(result.summary.failed);
    expect(xml).toContain("<system-out>DEGRADED: ");
    const strict = renderJunit(result, { failOn: "degraded" });
    expect((strict.match(/<failure /g) ?? []).length).toBe(result.summary.failed + result.summary.degraded);
    expectWellFormed(strict);
    expect(xml).toContain('classname="PLEX1.SYSB"');
  });
});

/** A small checker: every tag closes in order, attributes are quoted, no bare & or <. */
function expectWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>/g;
  let last = 0;
  for (const m of body.matchAll(tag)) {
    const text = body.slice(last, m.index);
    expect(text, `text before <${m[2]}>`).not.toMatch(/<|&(?!(amp|lt|gt|quot|apos);)/);
    last = (m.index ?? 0) + m[0].length;
    if (m[1] === "/") expect(stack.pop()).toBe(m[2]);
    else if (m[4] !== "/") stack.push(m[2]);
  }
  expect(body.slice(last).trim()).toBe("");
  expect(stack).toEqual([]);
}
