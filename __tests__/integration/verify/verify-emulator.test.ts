/**
 * verify against the emulator. The hot-standby sysplex is built inside the emulator the
 * way an operator would leave it (PARMLIB members, obeyed TCP/IP profiles, started
 * servers), then verify reads it back over HTTP.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { clearLog } from "../../../emulator/http/request-log";
import { nextEtag } from "../../../emulator/ids";
import { issueCommand } from "../../../emulator/operator/index";
import { defineZosmfSecurity } from "../../../emulator/programs/racf-zosmf-setup";
import type { EmulatorState, PdsDataset } from "../../../emulator/state";
import { EXIT_CODES } from "../../../src/errors";
import { renderJunit } from "../../../src/report/junit";
import { verifyFailure } from "../../../src/run/exit-policy";
import { verify, type VerifyResult } from "../../../src/run/verify";
import { isDisplayCommand } from "../../../src/engine/sent";

const DVIPA = "192.0.2.10";
const XCF = { A: "198.51.100.1", B: "198.51.100.2" };

function putMember(state: EmulatorState, dsn: string, member: string, content: string): void {
  const ds = (state.datasets[dsn] ??= {
    name: dsn,
    volser: "EMU001",
    created: "2025-01-01",
    dsorg: "PO",
    recfm: "FB",
    lrecl: 80,
    blksize: 27920,
    members: {},
  } as PdsDataset) as PdsDataset;
  ds.members[member] = { content, etag: nextEtag(state), user: "IBMUSER", changed: "2025-01-01" };
}

function operator(emu: Emulator, system: string, text: string): string[] {
  return issueCommand(emu.state, { system, consoleName: "OPER1", now: Date.now() }, text).lines;
}

const izuprm = (l: string) =>
  [
    `SERVER_PROC(IZUSVR${l})`,
    "ANGEL_PROC(IZUANG1)",
    "AUTOSTART(LOCAL)",
    `AUTOSTART_GROUP('IZUDFL${l}')`,
    `HOSTNAME('${DVIPA}')`,
    "HTTP_SSL_PORT(443)",
    "SAF_PREFIX('IZUDFLT')",
    "KEYRING_NAME('IZUKeyring.IZUDFLT')",
    `USER_DIR('/global/zosmf/zosmf${l.toLowerCase()}')`,
  ].join("\n");

// As provision writes it: the storage keys, Infinispan's variables and one haInstances entry per instance.
const ZOWE_YAML = `zowe:
  environments:
    CACHING_STORAGE_INFINISPAN_INITIALHOSTS: sysa.example.com[7600],sysb.example.com[7600]
    JGROUPS_BIND_PORT: 7600
components:
  caching-service:
    storage:
      mode: infinispan
      infinispan:
        initialHosts: sysa.example.com[7600],sysb.example.com[7600]
        jgroups:
          port: 7600
          keyExchange:
            port: 7601
haInstances:
  sysa:
    hostname: sysa.example.com
    sysname: SYSA
    components:
      caching-service: { enabled: true, storage: { infinispan: { jgroups: { host: sysa.example.com } } } }
  sysb:
    hostname: sysb.example.com
    sysname: SYSB
    components:
      caching-service: { enabled: true, storage: { infinispan: { jgroups: { host: sysb.example.com } } } }
`;

const memberText = (state: EmulatorState, dsn: string, member: string) => (state.datasets[dsn] as PdsDataset).members[member]!.content;

/**
 * What the operator also writes so the set-up survives an IPL, in the seeded members the example's
 * tcpip.profile and ipl fields name: the profile INCLUDEs the obey member, BPXPRMxx mounts USER_DIR,
 * IEASYSxx names IZUPRMxx (whose AUTOSTART(LOCAL) starts the server).
 */
function keepAcrossIpl(state: EmulatorState): void {
  for (const [sys, cc, l] of [
    ["SYSA", "SA", "A"],
    ["SYSB", "SB", "B"],
  ] as const) {
    putMember(state, "SYS1.TCPPARMS", `PROF${cc}`, `${memberText(state, "SYS1.TCPPARMS", `PROF${cc}`)}\nINCLUDE TCPIP.HA.OBEY(HA${sys})`);
    const mount = `MOUNT FILESYSTEM('IZU.SIZUUSRD.ZOSMF${l}')\n      MOUNTPOINT('/global/zosmf/zosmf${l.toLowerCase()}')\n      TYPE(ZFS) MODE(RDWR) NOAUTOMOVE SYSNAME(${sys})`;
    putMember(state, "SYS1.PARMLIB", `BPXPRM${cc}`, `${memberText(state, "SYS1.PARMLIB", `BPXPRM${cc}`)}\n${mount}`);
    // A record of its own after the opening comment; the parameters after it keep their commas.
    const [comment, ...rest] = memberText(state, "SYS1.PARMLIB", `IEASYS${cc}`).split("\n");
    putMember(state, "SYS1.PARMLIB", `IEASYS${cc}`, [comment, `IZU=0${l},`, ...rest].join("\n"));
  }
}

/** The seed-002 set-up: SYSA distributes and is preferred, SYSB backs the DVIPA up and stands by. */
function buildHotStandby(emu: Emulator, switchBack: "AUTOSWITCHBACK" | "NOAUTOSWITCHBACK"): void {
  const state = emu.state;
  putMember(
    state,
    "TCPIP.HA.OBEY",
    "HASYSA",
    `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.A} 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 ${DVIPA}
  VIPADISTRIBUTE DEFINE DISTM HOTSTANDBY ${switchBack} ${DVIPA}
    PORT 443 DESTIP
     ${XCF.A} PREFERRED
     ${XCF.B} BACKUP
ENDVIPADYNAMIC
`,
  );
  putMember(
    state,
    "TCPIP.HA.OBEY",
    "HASYSB",
    `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.B} 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 1 ${DVIPA}
ENDVIPADYNAMIC
`,
  );
  putMember(state, "SYS1.PARMLIB", "IZUPRM0A", izuprm("A"));
  putMember(state, "SYS1.PARMLIB", "IZUPRM0B", izuprm("B"));
  for (const l of ["A", "B"]) {
    putMember(
      state,
      "SYS1.PROCLIB",
      `IZUSVR${l}`,
      `//IZUSVR${l} PROC SESSION='IZUDFLT',IZUPRM=0${l}\n//IZUSVR${l} EXEC PGM=BPXBATSL,REGION=0M,TIME=NOLIMIT\n//STDOUT   DD SYSOUT=*\n`,
    );
  }
  putMember(state, "SYS1.PROCLIB", "IZUANG1", "//IZUANG1  PROC\n//STEP1    EXEC PGM=BBGZANGL,PARM='NAME=IZUANG1',REGION=0M\n");
  // NOAUTOMOVE, as a system's own file system is often mounted: its owner takes it back when it returns.
  state.mounts.push(
    { fsname: "IZU.SIZUUSRD.ZOSMFA", mountpoint: "/global/zosmf/zosmfa", fstype: "ZFS", mode: "rdwr", sysname: "SYSA", automove: "no" },
    { fsname: "IZU.SIZUUSRD.ZOSMFB", mountpoint: "/global/zosmf/zosmfb", fstype: "ZFS", mode: "rdwr", sysname: "SYSB", automove: "no" },
  );
  state.uss.files["/global/zowe/zowe.yaml"] = {
    content: ZOWE_YAML,
    etag: nextEtag(state),
    mode: "-rw-r--r--",
  } as EmulatorState["uss"]["files"][string];
  operator(emu, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSA)");
  operator(emu, "SYSB", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSB)");
  keepAcrossIpl(state);
  defineZosmfSecurity(state, ["IZUSVRA", "IZUSVRB"]);
  operator(emu, "SYSA", "S IZUSVRA");
  operator(emu, "SYSB", "S IZUSVRB");
}

/** With `ownEndpoints`, each system is read through its own z/OSMF (the emulator's per-system listeners). */
function topologyFile(autoSwitchBack: boolean, ownEndpoints = false): string {
  const dir = mkdtempSync(join(tmpdir(), "ha-verify-int-"));
  const file = join(dir, "topology.yaml");
  let example = readFileSync(join(__dirname, "../../../examples/two-system.yaml"), "utf8").replace(
    "autoSwitchBack: true",
    `autoSwitchBack: ${autoSwitchBack}`,
  );
  if (ownEndpoints) {
    for (const name of ["SYSA", "SYSB"]) {
      const url = new URL(emu.systemUrls[name]!);
      example = example.replace(
        new RegExp(`(name: ${name}\\n(?:.*\\n)*?\\s+connection: )\\{\\}`),
        `$1{ host: ${url.hostname}, port: ${url.port} }`,
      );
    }
  }
  writeFileSync(file, example);
  return file;
}

async function control(emu: Emulator, path: string): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/${path}`, { method: "POST" });
  expect(res.ok, `${path}: HTTP ${res.status}`).toBe(true);
}

let emu: Emulator;

async function runVerify(
  autoSwitchBack = true,
  options: { ownEndpoints?: boolean; password?: string; edit?: (yaml: string) => string; deep?: boolean } = {},
): Promise<VerifyResult> {
  const url = new URL(emu.url);
  // The DVIPA is served on a local port: the emulator's stand-in for 192.0.2.10:443.
  emu.context.onStateChanged();
  await emu.settle();
  const file = topologyFile(autoSwitchBack, options.ownEndpoints);
  if (options.edit) writeFileSync(file, options.edit(readFileSync(file, "utf8")));
  return verify({
    topologyFile: file,
    endpoints: emu.dvipaUrls[`${DVIPA}:443`] ? { [`${DVIPA}:443`]: emu.dvipaUrls[`${DVIPA}:443`]! } : {},
    connection: {
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "http",
      user: emu.user,
      password: options.password ?? emu.password,
    },
    systemTimeoutMs: 20_000,
    deep: options.deep === true,
  });
}

/** Counts what a JUnit reader counts: test cases and their failure, error and skipped children. */
function junitCounts(xml: string): { tests: number; failures: number; errors: number; skipped: number; declared: Record<string, number> } {
  const cases = xml.match(/<testcase\b[\s\S]*?(<\/testcase>|\/>)/g) ?? [];
  const has = (tag: string) => cases.filter((c) => new RegExp(`<${tag}\\b`).test(c)).length;
  const suite = /<testsuite\b([^>]*)>/.exec(xml)?.[1] ?? "";
  const declared = Object.fromEntries([...suite.matchAll(/(\w+)="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
  for (const c of cases) expect(c).toMatch(/classname="PLEX1(\.SYS[AB])?" time="[\d.]+"/);
  return { tests: cases.length, failures: has("failure"), errors: has("error"), skipped: has("skipped"), declared };
}

function exitCode(r: VerifyResult, failOn: "failed" | "degraded" = "failed"): number {
  const f = verifyFailure(r, failOn);
  return f === undefined ? 0 : EXIT_CODES[f.failureClass];
}

const check = (r: VerifyResult, id: string, system?: string) => r.checks.find((c) => c.id === id && c.system === system)!;
const notHealthy = (r: VerifyResult) => r.checks.filter((c) => c.verdict !== "healthy").map((c) => `${c.id} ${c.system}: ${c.reason}`);

describe("verify against the emulator", () => {
  beforeEach(async () => {
    emu = await start({
      tls: false,
      port: 0,
      systems: ["SYSA", "SYSB"],
      perSystemListeners: true,
      dvipaListeners: true,
      jobTiming: { inputMs: 10, activeMs: 20 },
    });
  });
  afterEach(async () => {
    await emu?.stop();
  });

  it("finds a freshly set-up hot standby healthy, with GETs and display commands only", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    clearLog(emu.requestLog);
    const r = await runVerify();
    expect(notHealthy(r)).toEqual([]);
    expect(r.verdict).toBe("healthy");
    const log = emu.requestLog;
    expect(log.writes).toEqual([]);
    expect(log.submits).toEqual([]);
    expect(log.consoleCommands.length).toBeGreaterThan(0);
    for (const c of log.consoleCommands) expect(c.cmd).toSatisfy(isDisplayCommand);
    // Logon and logoff (POST/DELETE auth) change nothing on z/OS.
    for (const key of Object.keys(log.counts)) expect(key).toMatch(/^(GET |PUT console|(POST|DELETE) auth$)/);
  });

  it("shows the sysplex prerequisites as checks: healthy on the seeded sysplex, failed naming both RACF databases when they differ", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    const ids = ["sysplex.console", "sysplex.saf", "sysplex.uss", "sysplex.jes2"];
    const good = await runVerify();
    expect(ids.map((id) => check(good, id)?.verdict)).toEqual(["healthy", "healthy", "healthy", "healthy"]);
    const res = await fetch(`${emu.url}/__emulator/system/SYSB/share`, {
      method: "POST",
      body: JSON.stringify({ racfPrimary: "SYS1.RACF.OTHER" }),
    });
    expect(res.status).toBe(200);
    const bad = await runVerify();
    const saf = check(bad, "sysplex.saf");
    expect(saf.verdict).toBe("failed");
    expect(saf.reason).toContain("SYSA: SYS1.RACF.PRIMARY on RACF01");
    expect(saf.reason).toContain("SYSB: SYS1.RACF.OTHER on RACF01");
    expect(bad.verdict).toBe("failed");
  });

  it("says degraded with SYSB Active when SYSA goes down, and healthy again when it is back", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    await control(emu, "system/SYSA/down");
    const down = await runVerify();
    expect(down.checks.filter((c) => c.verdict === "failed").map((c) => `${c.id} ${c.system}: ${c.reason}`)).toEqual([]);
    expect(down.verdict).toBe("degraded");
    expect(check(down, "tcpip.vdpt.one-active").found).toContain("SYSB Active");
    expect(check(down, "tcpip.hotstandby").reason).toMatch(/SYSB is serving because SYSA (is not active|has no ready listener)/);

    await control(emu, "system/SYSA/up");
    operator(emu, "SYSA", "S IZUSVRA");
    const back = await runVerify();
    expect(notHealthy(back)).toEqual([]);
  });

  it("reaches z/OSMF end to end through the DVIPA by default and says which system served it", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    const r = await runVerify();
    expect(check(r, "zosmf.reachable.dvipa").verdict).toBe("healthy");
    expect(check(r, "zosmf.reachable.dvipa").found).toMatch(/served by SYSA \(Active in the VDPT of SYSA\)$/);

    await control(emu, "system/SYSA/down");
    const down = await runVerify();
    expect(check(down, "zosmf.reachable.dvipa").found).toMatch(/served by SYSB \(Active in the VDPT of SYSB\)$/);

    // --rfj data: sysplex-wide checks carry no system, as provision's sysplex-wide steps.
    const data = JSON.parse(JSON.stringify(r)) as { checks: Record<string, unknown>[] };
    expect(data.checks.find((c) => c.id === "zosmf.reachable.dvipa")).not.toHaveProperty("system");
    expect(data.checks.map((c) => c.system)).not.toContain("-");

    const off = await runVerify(true, { edit: (y) => y.replace(/(zosmfHa:\n)/, "$1  verifyThroughDvipa: false\n") });
    expect(off.checks.some((c) => c.id === "zosmf.reachable.dvipa")).toBe(false);
  });

  it("fails the end-to-end check when nothing answers at the DVIPA", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    const r = await verify({
      topologyFile: topologyFile(true),
      // Port 9 (discard) on this machine: nothing listens there.
      endpoints: { [`${DVIPA}:443`]: "http://127.0.0.1:9" },
      connection: {
        hostname: new URL(emu.url).hostname,
        port: Number(new URL(emu.url).port),
        protocol: "http",
        user: emu.user,
        password: emu.password,
      },
      systemTimeoutMs: 20_000,
    });
    expect(check(r, "zosmf.reachable.dvipa").verdict).toBe("failed");
    expect(check(r, "zosmf.reachable.dvipa").notRun).toBeUndefined();
    expect(exitCode(r)).toBe(2);
  });

  it("stays degraded, serving from SYSB, under NOAUTOSWITCHBACK after SYSA is back", async () => {
    buildHotStandby(emu, "NOAUTOSWITCHBACK");
    await control(emu, "system/SYSA/down");
    await control(emu, "system/SYSA/up");
    operator(emu, "SYSA", "S IZUSVRA");
    const r = await runVerify(false);
    expect(r.verdict).toBe("degraded");
    expect(check(r, "tcpip.hotstandby").reason).toContain("NOAUTOSWITCHBACK");
  });

  it("fails with 'no standby' when SYSB's server is stopped", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    operator(emu, "SYSB", "P IZUSVRB");
    const r = await runVerify();
    expect(r.verdict).toBe("failed");
    expect(check(r, "tcpip.vdpt.ready", "SYSB").reason).toMatch(/^no standby on SYSB/);
  });

  it("fails a PARMLIB member edited to break a rule, naming the rule and the member", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    const res = await fetch(`${emu.url}/__emulator/ds/SYS1.PARMLIB(IZUPRM0B)`, {
      method: "PUT",
      body: izuprm("B").replace("IZUSVRB", "IZUSVRA"),
    });
    expect(res.ok).toBe(true);
    const r = await runVerify();
    expect(r.verdict).toBe("failed");
    expect(check(r, "zosmf.parmlib.server-proc", "SYSB").reason).toContain("SYS1.PARMLIB(IZUPRM0B): SERVER_PROC 'IZUSVRA'");
  });
  describe.each([
    ["through the command's connection", false],
    ["through each system's own endpoint", true],
  ])("a system that is down, read %s", (_how, ownEndpoints) => {
    it("is one degraded check, its other checks not applicable, exit 0 (2 with --fail-on degraded), and healthy once back", async () => {
      buildHotStandby(emu, "AUTOSWITCHBACK");
      const healthyRun = await runVerify(true, { ownEndpoints });
      expect(notHealthy(healthyRun)).toEqual([]);
      const all = junitCounts(renderJunit(healthyRun));

      await control(emu, "system/SYSA/down");
      const down = await runVerify(true, { ownEndpoints });
      expect(down.checks.filter((c) => c.verdict === "failed").map((c) => `${c.id} ${c.system}: ${c.reason}`)).toEqual([]);
      expect(down.unreadable).toEqual([]);
      expect(down.verdict).toBe("degraded");
      expect(exitCode(down)).toBe(0);
      expect(exitCode(down, "degraded")).toBe(2);
      expect(check(down, "tcpip.hotstandby").reason).toMatch(/SYSB is serving because SYSA/);
      // SYSA is named once: every other check of SYSA is not applicable rather than a finding.
      const ofSysa = down.checks.filter((c) => c.system === "SYSA" && c.verdict !== "not-applicable");
      expect(ofSysa.map((c) => `${c.id} ${c.verdict}`)).toEqual(["system.active degraded"]);
      expect(ofSysa[0]!.reason).toMatch(/^system SYSA is down/);
      expect(down.down.map((d) => d.system)).toEqual(["SYSA"]);
      const xml = junitCounts(renderJunit(down));
      expect(xml.tests).toBe(all.tests);
      expect([xml.failures, xml.errors]).toEqual([0, 0]);
      expect(xml.skipped).toBe(down.summary.notApplicable);
      expect(xml.declared).toMatchObject({ tests: xml.tests, failures: 0, errors: 0, skipped: xml.skipped });
      expect(junitCounts(renderJunit(down, { failOn: "degraded" })).failures).toBe(down.summary.degraded);

      await control(emu, "system/SYSA/up");
      operator(emu, "SYSA", "S IZUSVRA");
      const back = await runVerify(true, { ownEndpoints });
      expect(notHealthy(back)).toEqual([]);
      expect(exitCode(back)).toBe(0);
    });
  });

  it.each([
    ["yes", "IZU.SIZUUSRD.ZOSMFA owned by SYSB"],
    ["unmount", "nothing mounted"],
  ] as const)(
    "moves or unmounts a down system's USER_DIR as its AUTOMOVE says (%s), and reports it not applicable",
    async (automove, where) => {
      buildHotStandby(emu, "AUTOSWITCHBACK");
      emu.state.mounts.find((m) => m.fsname === "IZU.SIZUUSRD.ZOSMFA")!.automove = automove;
      await control(emu, "system/SYSA/down");
      const listed = (await (
        await fetch(`${emu.url}/zosmf/restfiles/mfs/?path=/global/zosmf/zosmfa`, {
          headers: { authorization: `Basic ${Buffer.from(`${emu.user}:${emu.password}`).toString("base64")}` },
        })
      ).json()) as { items: { name: string; sysname: string }[] };
      const shown = listed.items.map((i) => `${i.name} ${i.sysname}`);
      // Unmounted, the path lies in the parent file system, which the listing then names.
      if (automove === "yes") expect(shown).toEqual(["IZU.SIZUUSRD.ZOSMFA SYSB"]);
      else expect(shown.filter((x) => x.startsWith("IZU.SIZUUSRD"))).toEqual([]);
      const r = await runVerify();
      const userDir = check(r, "zosmf.user-dir.mounted", "SYSA");
      expect(userDir.verdict).toBe("not-applicable");
      expect(userDir.found).toBe(`not applicable: SYSA is down; ${where}`);
      expect(check(r, "zosmf.user-dir.mounted", "SYSB").verdict).toBe("healthy");
    },
  );

  it("fails with exit 2 when neither system's z/OSMF serves the DVIPA", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    operator(emu, "SYSA", "P IZUSVRA");
    operator(emu, "SYSB", "P IZUSVRB");
    const r = await runVerify();
    expect(r.verdict).toBe("failed");
    expect(r.down).toEqual([]);
    expect(exitCode(r)).toBe(2);
    const xml = junitCounts(renderJunit(r));
    expect(xml.failures).toBe(r.summary.failed);
    expect(xml.errors).toBe(0);
  });

  it("cannot judge with a refused password: exit 4, and errors, not failures, in JUnit", async () => {
    buildHotStandby(emu, "AUTOSWITCHBACK");
    const good = await runVerify();
    const all = junitCounts(renderJunit(good));
    const r = await runVerify(true, { password: "WRONG" });
    const ids = (x: VerifyResult) => x.checks.map((c) => `${c.id} ${c.system}`);
    expect(ids(good).filter((i) => !ids(r).includes(i))).toEqual([]);
    expect(r.down).toEqual([]);
    expect(exitCode(r)).toBe(4);
    const xml = junitCounts(renderJunit(r));
    expect(xml.tests).toBe(all.tests);
    expect(xml.errors).toBeGreaterThan(0);
    expect(r.checks.filter((c) => c.verdict === "failed" && !c.notRun).map((c) => `${c.id} ${c.system}: ${c.reason}`)).toEqual([]);
    expect(xml.failures).toBe(0);
    expect(xml.declared).toMatchObject({ tests: xml.tests, failures: 0, errors: xml.errors });
  });

  describe("--deep", () => {
    const deep = () => runVerify(true, { deep: true });
    const SERVER_CERT = "IZUSVR/DefaultzOSMFCert.IZUDFLT";
    beforeEach(() => buildHotStandby(emu, "AUTOSWITCHBACK"));

    it("submits exactly one job, holding only listing commands", async () => {
      clearLog(emu.requestLog);
      await deep();
      expect(emu.requestLog.submits).toHaveLength(1);
      const jcl = emu.state.jobs.find((j) => j.jobid === emu.requestLog.submits[0]!.jobid)!.jcl;
      const systsin = jcl.split("\n").slice(jcl.split("\n").findIndex((l) => l.startsWith("//SYSTSIN")) + 1);
      const commands = systsin.slice(0, systsin.indexOf("/*")).filter((l) => /^ \S/.test(l));
      expect(commands.length).toBeGreaterThan(0);
      for (const c of commands) expect(c).toMatch(/^ (LISTGRP|LISTUSER|RLIST|RACDCERT (ID\(\S+\)|CERTAUTH) (LIST|LISTRING)\()/);
    });

    it("fails the key ring when it is missing", async () => {
      delete emu.state.racf.keyrings["IZUSVR/IZUKeyring.IZUDFLT"];
      const c = check(await deep(), "zosmf.security.keyring.IZUSVR.IZUKeyring.IZUDFLT");
      expect(c.verdict).toBe("failed");
      expect(c.reason).toContain("IZUKeyring.IZUDFLT");
    });

    it("fails a server certificate without the DVIPA among its names", async () => {
      emu.state.racf.certificates[SERVER_CERT]!.altNames = [
        { type: "Domain", value: "sysa.example.com" },
        { type: "Domain", value: "sysb.example.com" },
      ];
      const c = check(await deep(), "zosmf.security.certificate.IZUSVR.DefaultzOSMFCert.IZUDFLT");
      expect(c.verdict).toBe("failed");
      expect(c.reason).toContain(DVIPA);
    });

    it("degrades a certificate that expires in 10 days, naming the date", async () => {
      const end = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const cert = emu.state.racf.certificates[SERVER_CERT]!;
      cert.altNames = [
        { type: "IP", value: DVIPA },
        { type: "Domain", value: "sysa.example.com" },
        { type: "Domain", value: "sysb.example.com" },
      ];
      cert.notAfter = end;
      const c = check(await deep(), "zosmf.security.certificate.IZUSVR.DefaultzOSMFCert.IZUDFLT");
      expect(c.verdict).toBe("degraded");
      expect(c.reason).toContain(end);
    });

    it("fails a server procedure whose USERDIR= is wrong", async () => {
      const ds = emu.state.datasets["SYS1.PROCLIB"] as PdsDataset;
      ds.members["IZUSVRA"]!.content = "//IZUSVRA PROC SESSION='IZUDFLT',IZUPRM=0A,USERDIR='/wrong/dir'\n//IZUSVRA EXEC PGM=BPXBATSL\n";
      const c = check(await deep(), "zosmf.proc.defaults", "SYSA");
      expect(c.verdict).toBe("failed");
      expect(c.reason).toContain("/wrong/dir");
    });

    it("degrades a distributing stack without HEALTHSWITCH when the topology asks for it", async () => {
      const r = await runVerify(true, { deep: true, edit: (y) => y.replace("healthSwitch: false", "healthSwitch: true") });
      const c = check(r, "tcpip.healthswitch", "SYSA");
      expect(c.verdict).toBe("degraded");
      expect(c.reason).toContain("without HEALTHSWITCH");
    });
  });
});
