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
import { verify, type VerifyResult } from "../../../src/run/verify";

const DVIPA = "192.0.2.10";
const XCF = { A: "198.51.100.1", B: "198.51.100.2" };

function putMember(state: EmulatorState, dsn: string, member: string, content: string): void {
  const ds = (state.datasets[dsn] ??= { name: dsn, volser: "EMU001", created: "2025-01-01", dsorg: "PO", recfm: "FB", lrecl: 80, blksize: 27920, members: {} } as PdsDataset) as PdsDataset;
  ds.members[member] = { content, etag: nextEtag(state), user: "IBMUSER", changed: "2025-01-01" };
}

function operator(emu: Emulator, system: string, text: string): string[] {
  return issueCommand(emu.state, { system, consoleName: "OPER1", now: Date.now() }, text).lines;
}

const izuprm = (l: string) =>
  [`SERVER_PROC(IZUSVR${l})`, "ANGEL_PROC(IZUANG1)", "AUTOSTART(LOCAL)", `AUTOSTART_GROUP('IZUDFL${l}')`, `HOSTNAME('${DVIPA}')`, "HTTP_SSL_PORT(443)",
    "SAF_PREFIX('IZUDFLT')", "KEYRING_NAME('IZUKeyring.IZUDFLT')", `USER_DIR('/global/zosmf/zosmf${l.toLowerCase()}')`].join("\n");

const ZOWE_YAML = `components:
  caching-service:
    storage:
      mode: infinispan
      infinispan:
        initialHosts: sysa.example.com[7600],sysb.example.com[7600]
        jgroups:
          port: 7600
          keyExchange:
            port: 7601
`;

/** The seed-002 set-up: SYSA distributes and is preferred, SYSB backs the DVIPA up and stands by. */
function buildHotStandby(emu: Emulator, switchBack: "AUTOSWITCHBACK" | "NOAUTOSWITCHBACK"): void {
  const state = emu.state;
  putMember(state, "USER.TCPPARMS", "HAA", `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.A} 255.255.255.0 1
VIPADYNAMIC
  VIPADEFINE 255.255.255.0 ${DVIPA}
  VIPADISTRIBUTE DEFINE DISTM HOTSTANDBY ${switchBack} ${DVIPA}
    PORT 443 DESTIP
     ${XCF.A} PREFERRED
     ${XCF.B} BACKUP
ENDVIPADYNAMIC
`);
  putMember(state, "USER.TCPPARMS", "HAB", `IPCONFIG SYSPLEXROUTING DYNAMICXCF ${XCF.B} 255.255.255.0 1
VIPADYNAMIC
  VIPABACKUP 1 ${DVIPA}
ENDVIPADYNAMIC
`);
  putMember(state, "SYS1.PARMLIB", "IZUPRM0A", izuprm("A"));
  putMember(state, "SYS1.PARMLIB", "IZUPRM0B", izuprm("B"));
  for (const l of ["A", "B"]) {
    putMember(state, "SYS1.PROCLIB", `IZUSVR${l}`, `//IZUSVR${l} PROC SESSION='IZUDFLT',IZUPRM=0${l}\n//IZUSVR${l} EXEC PGM=BPXBATSL,REGION=0M,TIME=NOLIMIT\n//STDOUT   DD SYSOUT=*\n`);
  }
  putMember(state, "SYS1.PROCLIB", "IZUANG1", "//IZUANG1  PROC\n//STEP1    EXEC PGM=BBGZANGL,PARM='NAME=IZUANG1',REGION=0M\n");
  state.mounts.push(
    { fsname: "IZU.SIZUUSRD.ZOSMFA", mountpoint: "/global/zosmf/zosmfa", fstype: "ZFS", mode: "rdwr", sysname: "SYSA" } as EmulatorState["mounts"][number],
    { fsname: "IZU.SIZUUSRD.ZOSMFB", mountpoint: "/global/zosmf/zosmfb", fstype: "ZFS", mode: "rdwr", sysname: "SYSB" } as EmulatorState["mounts"][number],
  );
  state.uss.files["/global/zowe/zowe.yaml"] = { content: ZOWE_YAML, etag: nextEtag(state), mode: "-rw-r--r--" } as EmulatorState["uss"]["files"][string];
  operator(emu, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAA)");
  operator(emu, "SYSB", "V TCPIP,TCPIP,OBEYFILE,DSN=USER.TCPPARMS(HAB)");
  defineZosmfSecurity(state, ["IZUSVRA", "IZUSVRB"]);
  operator(emu, "SYSA", "S IZUSVRA");
  operator(emu, "SYSB", "S IZUSVRB");
}

function topologyFile(autoSwitchBack: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), "ha-verify-int-"));
  const file = join(dir, "topology.yaml");
  const example = readFileSync(join(__dirname, "../../../examples/two-system.yaml"), "utf8");
  writeFileSync(file, example.replace("autoSwitchBack: true", `autoSwitchBack: ${autoSwitchBack}`));
  return file;
}

async function control(emu: Emulator, path: string): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/${path}`, { method: "POST" });
  expect(res.ok, `${path}: HTTP ${res.status}`).toBe(true);
}

let emu: Emulator;

async function runVerify(autoSwitchBack = true): Promise<VerifyResult> {
  const url = new URL(emu.url);
  return verify({
    topologyFile: topologyFile(autoSwitchBack),
    connection: { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password },
    systemTimeoutMs: 20_000,
  });
}

const check = (r: VerifyResult, id: string, system = "-") => r.checks.find((c) => c.id === id && c.system === system)!;
const notHealthy = (r: VerifyResult) => r.checks.filter((c) => c.verdict !== "healthy").map((c) => `${c.id} ${c.system}: ${c.reason}`);

describe("verify against the emulator", () => {
  beforeEach(async () => {
    emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 10, activeMs: 20 } });
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
    for (const c of log.consoleCommands) expect(c.cmd).toMatch(/^D /);
    // Logon and logoff (POST/DELETE auth) change nothing on z/OS.
    for (const key of Object.keys(log.counts)) expect(key).toMatch(/^(GET |PUT console|(POST|DELETE) auth$)/);
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
    const res = await fetch(`${emu.url}/__emulator/ds/SYS1.PARMLIB(IZUPRM0B)`, { method: "PUT", body: izuprm("B").replace("IZUSVRB", "IZUSVRA") });
    expect(res.ok).toBe(true);
    const r = await runVerify();
    expect(r.verdict).toBe("failed");
    expect(check(r, "zosmf.parmlib.server-proc", "SYSB").reason).toContain("SYS1.PARMLIB(IZUPRM0B): SERVER_PROC 'IZUSVRA'");
  });
});
