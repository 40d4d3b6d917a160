import { execFileSync } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { RESULT_SCHEMAS, type ResultSchemaName } from "../../src/report/result-schemas";
import { lockWrites, writeLines } from "../lock-writes";
import { schemaErrors, schemaOfCommand } from "../result-schema";
import {
  emulatorCall,
  emulatorGet,
  installPackedPlugin,
  ROOT,
  startEmulatorProcess,
  type EmulatorProcess,
  type RunningZowe,
  type RunResult,
} from "./harness";
import { isDisplayCommand } from "../../src/engine/sent";
import { parseTopology } from "../../src/topology";

// The real zowe binary from the @zowe/cli dev dependency, an isolated ZOWE_CLI_HOME,
// the plug-in installed from its packed tarball, credentials from the environment.
let zowe: (args: string[], env?: NodeJS.ProcessEnv, timeoutMs?: number) => Promise<RunResult>;
let startZowe: (args: string[], env?: NodeJS.ProcessEnv) => RunningZowe;
let home: string;
let emulator: EmulatorProcess;
let connEnv: NodeJS.ProcessEnv;

/** Every --rfj result in this file that has a schema, as the schema saw it. */
const rfjChecked: { name: ResultSchemaName; args: string; errors: string[] }[] = [];

/** Holds the --rfj `data` of a run to its schema in schemas/ (strict: every field described). */
function checkRfj(args: string[], stdout: string): void {
  const name = schemaOfCommand(args);
  if (!name) return;
  const data = (JSON.parse(stdout) as { data?: unknown }).data;
  // An error before any result (bad input, refused logon) has no data: nothing to hold to a schema.
  if (data === null || data === undefined) return;
  rfjChecked.push({ name, args: args.join(" "), errors: schemaErrors(name, data) });
}

beforeAll(async () => {
  const installed = await installPackedPlugin();
  ({ home, start: startZowe } = installed);
  zowe = async (args, env, timeoutMs) => {
    const res = await installed.zowe(args, env, timeoutMs);
    checkRfj(args, res.stdout);
    return res;
  };
  // A password that cannot occur by chance, so a leak into output or records is visible.
  emulator = await startEmulatorProcess(["--systems", "SYSA,SYSB", "--password", "Pw-7f3c9e1a"]);
  connEnv = {
    ZOWE_OPT_HOST: emulator.host,
    ZOWE_OPT_PORT: String(emulator.port),
    ZOWE_OPT_USER: emulator.user,
    ZOWE_OPT_PASSWORD: emulator.password,
    ZOWE_OPT_REJECT_UNAUTHORIZED: "true",
    NODE_EXTRA_CA_CERTS: emulator.caFile,
  };
}, 300_000);

afterAll(async () => {
  await emulator?.stop();
});

interface EmulatorLog {
  total: number;
  consoleCommands: { cmd: string }[];
  submits: unknown[];
  writes: unknown[];
}

function emulatorLog(): Promise<EmulatorLog> {
  return emulatorGet<EmulatorLog>(emulator, "/__emulator/log");
}

describe("the plug-in in the Zowe CLI host", () => {
  it("installs from its tarball and validates without a warning", async () => {
    const res = await zowe(["plugins", "validate", "zowe-ha", "--fail-on-warning"]);
    expect(res.stderr).toBe("");
    expect(res.stdout).toMatch(/successfully validated/i);
    expect(res.status).toBe(0);
  });

  it.each([["ha"], ["ha", "provision"], ["ha", "verify"], ["ha", "rollback"]])(
    "'zowe %s --help' describes the command",
    async (...words) => {
      const res = await zowe([...words, "--help"]);
      expect(res.status).toBe(0);
      expect(res.stdout).toMatch(/DESCRIPTION/);
      if (words.length > 1) {
        const examples = res.stdout.split("EXAMPLES")[1] ?? "";
        expect((examples.match(/\$ zowe ha /g) ?? []).length).toBeGreaterThanOrEqual(2);
      }
    },
  );
});

describe("invalid input", () => {
  it("refuses a broken topology with exit code 3, every problem named, and nothing sent to z/OS", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-bad-"));
    const bad = readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8")
      .replace("serverProc: IZUSVRB", "serverProc: IZUSVRA")
      .replace("dvipa: 192.0.2.10", "dvipa: 192.0.2.300");
    const file = path.join(dir, "bad.yaml");
    writeFileSync(file, bad);
    const before = (await emulatorLog()).total;
    const res = await zowe(["ha", "provision", "-t", file], connEnv);
    expect(res.status).toBe(3);
    expect(res.stderr).toMatch(/systems\[1\]\.zosmf\.serverProc/);
    expect(res.stderr).toMatch(/zosmfHa\.dvipa/);
    expect((await emulatorLog()).total).toBe(before);
  });
});

describe("the topology file and its hosts, through the real zowe binary", () => {
  it.each([
    ["a missing file", () => path.join(mkdtempSync(path.join(tmpdir(), "zowe-ha-miss-")), "absent.yaml"), /does not exist/],
    [
      "a named pipe (refused without waiting for a writer)",
      () => {
        const fifo = path.join(mkdtempSync(path.join(tmpdir(), "zowe-ha-fifo-")), "pipe.yaml");
        execFileSync("mkfifo", [fifo]);
        return fifo;
      },
      /is a named pipe/,
    ],
  ])("refuses %s with exit code 3 and nothing sent", async (_what, make, reason) => {
    const file = make();
    const before = (await emulatorLog()).total;
    const res = await zowe(["ha", "provision", "-t", file], connEnv);
    expect(res.status).toBe(3);
    expect(res.stderr).toContain(file);
    expect(res.stderr).toMatch(reason);
    expect((await emulatorLog()).total).toBe(before);
  });

  it("does not send the command's credentials to a host the topology names, unless --trust-topology-hosts is given", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-host-"));
    // The emulator under another name: were the credentials sent, its log would show it.
    const other = emulator.host === "localhost" ? "127.0.0.1" : "localhost";
    const text = readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace(
      /(- name: SYSB[\s\S]*?connection: )\{\}/,
      `$1{ host: ${other}, port: ${emulator.port} }`,
    );
    const file = path.join(dir, "hosts.yaml");
    writeFileSync(file, text);
    const before = (await emulatorLog()).total;
    const res = await zowe(["ha", "verify", "-t", file], connEnv);
    expect(res.status).toBe(3);
    expect(res.stderr).toMatch(/systems\[1\]\.connection\.host/);
    expect(res.stderr).toMatch(/--trust-topology-hosts/);
    expect((await emulatorLog()).total).toBe(before);

    const trusted = await zowe(["ha", "verify", "-t", file, "--trust-topology-hosts"], connEnv);
    expect(trusted.stderr).not.toMatch(/--trust-topology-hosts/);
    expect((await emulatorLog()).total).toBeGreaterThan(before);
  });
});

describe("verify's JUnit report when the topology is invalid", () => {
  it("still writes one test case with one error, into a folder it creates, and sends nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-junit-"));
    const topo = path.join(dir, "plex.yaml");
    writeFileSync(
      topo,
      readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("dvipa: 192.0.2.10", "dvipa: 192.0.2.300"),
    );
    const junit = path.join(dir, "missing", "folder", "verify.xml");
    const before = (await emulatorLog()).total;
    const res = await zowe(["ha", "verify", "-t", topo, "--junit", junit], connEnv);
    expect(res.status).toBe(3);
    const xml = readFileSync(junit, "utf8");
    expect((xml.match(/<testcase\b/g) ?? []).length).toBe(1);
    expect((xml.match(/<error\b/g) ?? []).length).toBe(1);
    expect(xml).not.toMatch(/<failure\b/);
    expect(xml).toMatch(/<testsuite\b[^>]*\btests="1"[^>]*\berrors="1"/);
    expect(xml).toContain("zosmfHa.dvipa");
    expect((await emulatorLog()).total).toBe(before);
  });
});

describe("provision --dry-run against the emulator", () => {
  it("returns the plan under --rfj and changes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-dry-"));
    const topo = path.join(dir, "plex.yaml");
    writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
    const before = await emulatorLog();
    const res = await zowe(["ha", "provision", "-t", topo, "--dry-run", "--rfj"], connEnv, 120_000);
    expect(res.status).toBe(0);
    const out = JSON.parse(res.stdout) as { success: boolean; data: { status: string; plan: { id: string; changes: unknown[] }[] } };
    expect(out.success).toBe(true);
    expect(out.data.status).toBe("planned");
    expect(out.data.plan.map((s) => s.id)).toEqual(expect.arrayContaining(["zosmf-ha/parmlib/SYSA", "zosmf-ha/tcpip/SYSB"]));
    const after = await emulatorLog();
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.writes.slice(before.writes.length)).toEqual([]);
    expect(after.submits.slice(before.submits.length)).toEqual([]);
    const commands = after.consoleCommands.slice(before.consoleCommands.length).map((c) => c.cmd);
    expect(commands.length).toBeGreaterThan(0);
    expect(commands.filter((c) => !isDisplayCommand(c))).toEqual([]);
  });
});

describe("provision --limit and --only through the CLI", () => {
  it("--limit SYSA --dry-run --rfj plans SYSA's steps and lists SYSB's as left out", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-limit-"));
    const topo = path.join(dir, "plex.yaml");
    writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
    const res = await zowe(["ha", "provision", "-t", topo, "--dry-run", "--limit", "SYSA", "--rfj"], connEnv, 120_000);
    expect(res.status, res.stderr).toBe(0);
    const data = (JSON.parse(res.stdout) as { data: { plan: { id: string }[]; leftOut: { id: string; by: string }[] } }).data;
    expect(data.plan.filter((s) => s.id.endsWith("/SYSB"))).toEqual([]);
    expect(data.leftOut).toEqual(
      expect.arrayContaining([{ id: "zosmf-ha/parmlib/SYSB", by: "--limit", system: "SYSB", reason: "a step of SYSB" }]),
    );
  }, 120_000);

  it("refuses an unknown system in --limit with exit 3, naming the systems allowed, and sends nothing", async () => {
    const before = (await emulatorLog()).total;
    const res = await zowe(["ha", "provision", "-t", path.join(ROOT, "examples", "two-system.yaml"), "--limit", "SYSA,SYSQ"], connEnv);
    expect(res.status).toBe(3);
    expect(res.stderr).toMatch(/--limit: "SYSQ" is not a system of this topology/);
    expect(res.stderr).toMatch(/allowed: SYSA, SYSB/);
    expect((await emulatorLog()).total).toBe(before);
  });
});

describe("provision and verify through the CLI", () => {
  // The topology the first test provisions; the --deep test reads the same provisioned sysplex back.
  let provisioned: string | undefined;

  it("provisions, verifies healthy with a JUnit report, then reports degraded with exit code 2 under --fail-on degraded", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-run-"));
    const topo = path.join(dir, "plex.yaml");
    // The emulator process serves no DVIPA port here; the end-to-end look is tested against the in-process emulator and the demo.
    writeFileSync(
      topo,
      readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace(
        /^zosmfHa:\n/m,
        "zosmfHa:\n  verifyThroughDvipa: false\n",
      ),
    );
    const prov = await zowe(["ha", "provision", "-t", topo, "--start-servers", "--rfj"], connEnv, 180_000);
    const provOut = JSON.parse(prov.stdout) as { data: { status: string; recordFile: string } };
    expect(provOut.data.status).toBe("succeeded");
    expect(prov.status).toBe(0);
    provisioned = topo;
    expect(prov.stdout + prov.stderr).not.toContain(emulator.password);
    const record = readFileSync(provOut.data.recordFile, "utf8");
    expect(record).not.toContain(emulator.password);

    // A CI job names a report folder that does not exist yet.
    const junit = path.join(dir, "reports", "ha", "verify.xml");
    const ok = await zowe(["ha", "verify", "-t", topo, "--junit", junit], connEnv);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/hot standby healthy/);
    const xml = readFileSync(junit, "utf8");
    expect((xml.match(/<testcase /g) ?? []).length).toBeGreaterThan(10);
    expect(xml).not.toMatch(/<failure/);

    // SYSA leaves for an IPL; /up ends it (the IPL-time members bring its set-up back).
    await emulatorCall(emulator, "POST", "/__emulator/system/SYSA/ipl", JSON.stringify({ durationMs: 3_600_000 }));
    const tolerant = await zowe(["ha", "verify", "-t", topo], connEnv);
    expect(tolerant.status).toBe(0);
    expect(tolerant.stdout).toMatch(/degraded/);
    const strict = await zowe(["ha", "verify", "-t", topo, "--fail-on", "degraded", "--rfj"], connEnv);
    expect(strict.status).toBe(2);
    const data = (JSON.parse(strict.stdout) as { data: { verdict: string } }).data;
    expect(data.verdict).toBe("degraded");
    await emulatorCall(emulator, "POST", "/__emulator/system/SYSA/up");
  });

  it("verify --deep reads the provisioned set-up back healthy with one listing job, and exits 2 once a procedure drifts", async () => {
    expect(provisioned, "the provision of the test above").toBeDefined();
    const topo = provisioned!;
    const submitted = async () => ((await emulatorLog()).submits as { jobname: string }[]).map((s) => s.jobname);
    const before = (await submitted()).length;
    const res = await zowe(["ha", "verify", "-t", topo, "--deep", "--rfj"], connEnv, 180_000);
    expect(res.status, res.stderr).toBe(0);
    const checks = (JSON.parse(res.stdout) as { data: { checks: { id: string; system?: string; verdict: string }[] } }).data.checks;
    const security = checks.filter((c) => c.id.startsWith("zosmf.security."));
    expect(security.length).toBeGreaterThan(0);
    expect(security.filter((c) => c.verdict !== "healthy")).toEqual([]);
    const procs = checks.filter((c) => c.id === "zosmf.proc.defaults");
    expect(procs.map((c) => c.system)).toEqual(["SYSA", "SYSB"]);
    expect(procs.filter((c) => c.verdict !== "healthy")).toEqual([]);
    expect((await submitted()).slice(before)).toEqual(["IZUSECL"]);

    // Someone edits SYSA's server procedure behind the plug-in's back: displays cannot see it, --deep must.
    const member = "SYS1.PROCLIB(IZUSVRA)";
    const state = await emulatorGet<{ datasets: Record<string, { members: Record<string, { content: string }> }> }>(
      emulator,
      "/__emulator/state",
    );
    const original = state.datasets["SYS1.PROCLIB"]!.members["IZUSVRA"]!.content;
    expect(original).toMatch(/IZUPRM=0A\b/);
    try {
      await emulatorCall(emulator, "PUT", `/__emulator/ds/${encodeURIComponent(member)}`, original.replace(/IZUPRM=0A\b/, "IZUPRM=00"));
      const drift = await zowe(["ha", "verify", "-t", topo, "--deep", "--rfj"], connEnv, 180_000);
      expect(drift.status, drift.stderr).toBe(2);
      const after = (JSON.parse(drift.stdout) as { data: { checks: { id: string; system?: string; verdict: string; reason?: string }[] } })
        .data.checks;
      const sysa = after.find((c) => c.id === "zosmf.proc.defaults" && c.system === "SYSA");
      expect(sysa?.verdict).toBe("failed");
      expect(sysa?.reason).toMatch(/IZUPRM= is 00, not 0A/);
    } finally {
      await emulatorCall(emulator, "PUT", `/__emulator/ds/${encodeURIComponent(member)}`, original);
    }
  }, 300_000);

  it("drill --dry-run refuses with exit 2 when the DVIPA does not answer, having sent displays only", async () => {
    expect(provisioned, "the provision of the test above").toBeDefined();
    const commands = async () => ((await emulatorLog()).consoleCommands as { cmd: string }[]).map((c) => c.cmd);
    const before = (await commands()).length;
    // The emulator process serves no DVIPA port: the drill cannot see the DVIPA answer, so it must not start.
    const res = await zowe(["ha", "drill", "-t", provisioned!, "--dry-run", "--rfj"], connEnv, 180_000);
    expect(res.status, res.stderr).toBe(2);
    const data = (JSON.parse(res.stdout) as { data: { status: string; reasons: string[]; commands: { command: string }[] } }).data;
    expect(data.status).toBe("refused");
    expect(data.reasons.join("\n")).toMatch(/the DVIPA 192\.0\.2\.10:443 does not answer/);
    expect((await commands()).slice(before).filter((c) => !/^\s*(D |\$D|RVARY LIST)/.test(c))).toEqual([]);
  }, 180_000);

  it("graph --verify --rfj colours the provisioned example by its verdicts, sending reads only", async () => {
    expect(provisioned, "the provision of the test above").toBeDefined();
    const before = await emulatorLog();
    const res = await zowe(["ha", "graph", "-t", provisioned!, "--verify", "--rfj"], connEnv, 180_000);
    expect(res.status, res.stderr).toBe(0);
    const data = (
      JSON.parse(res.stdout) as { data: { schemaVersion: number; verified: boolean; output: string; elements: { state: string }[] } }
    ).data;
    expect(data).toMatchObject({ schemaVersion: 1, verified: true });
    expect(data.output).toMatch(/^flowchart TB\n/);
    expect(data.elements.filter((e) => e.state === "healthy").length).toBeGreaterThan(0);
    const after = await emulatorLog();
    expect(after.writes.slice(before.writes.length)).toEqual([]);
    expect(after.submits.slice(before.submits.length)).toEqual([]);
  }, 180_000);

  it("discover --out writes a draft of the provisioned sysplex that validates, sending reads only, and never replaces it (exit 3)", async () => {
    expect(provisioned, "the provision of the test above").toBeDefined();
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zowe-ha-discover-")), "f.yaml");
    const before = await emulatorLog();
    const res = await zowe(["ha", "discover", "--out", file, "--rfj"], connEnv, 180_000);
    expect(res.status, res.stderr).toBe(0);
    const data = (JSON.parse(res.stdout) as { data: { file: string; draft: string; problems: string[] } }).data;
    expect(data.file).toBe(file);
    const text = readFileSync(file, "utf8");
    expect(data.draft).toBe(text);
    expect(data.problems).toEqual([]);
    const drafted = parseTopology(text, { fileName: file });
    expect(drafted.systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
    // The DVIPA the provision defined is found, not left to decide.
    expect(drafted.zosmfHa).toMatchObject({ dvipa: "192.0.2.10", port: 443, preferred: "SYSA" });
    const after = await emulatorLog();
    expect(after.writes.slice(before.writes.length)).toEqual([]);
    expect(after.submits.slice(before.submits.length)).toEqual([]);
    expect(after.consoleCommands.slice(before.consoleCommands.length).filter((c) => !isDisplayCommand(c.cmd))).toEqual([]);

    const again = await zowe(["ha", "discover", "--out", file], connEnv);
    expect(again.status).toBe(3);
    expect(again.stderr).toContain(`${file} already exists`);
    expect(readFileSync(file, "utf8")).toBe(text);
    // Refused before anything was read.
    expect((await emulatorLog()).total).toBe(after.total);
  }, 180_000);

  it("reports an unreachable z/OSMF as a tool failure with exit code 4 and a hint naming host and port", async () => {
    const res = await zowe(["ha", "verify", "-t", path.join(ROOT, "examples", "two-system.yaml")], { ...connEnv, ZOWE_OPT_PORT: "1" });
    expect(res.status).toBe(4);
    expect(res.stdout + res.stderr).toMatch(/127\.0\.0\.1:1/);
  });
});

describe("a failure after the run changed something", () => {
  it("exits 2, never 3, and prints what changed and the commands to resume or roll back", async () => {
    // Its own emulator: the file-system job of SYSB ends CC 12 after earlier steps changed z/OS.
    const failing = await startEmulatorProcess(["--systems", "SYSA,SYSB", "--fault", "jobFail:IZUMKF0B::cc=12"]);
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-late-"));
      const topo = path.join(dir, "plex.yaml");
      writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
      const env = {
        ...connEnv,
        ZOWE_OPT_HOST: failing.host,
        ZOWE_OPT_PORT: String(failing.port),
        ZOWE_OPT_USER: failing.user,
        ZOWE_OPT_PASSWORD: failing.password,
        NODE_EXTRA_CA_CERTS: failing.caFile,
      };
      const res = await zowe(["ha", "provision", "-t", topo], env, 180_000);
      expect(res.status).toBe(2);
      expect(res.stdout).toMatch(/Changed on z\/OS by this run \(\d+\):/);
      expect(res.stdout).toMatch(/SYS1\.PARMLIB\(IZUPRM0A\) written/);
      expect(res.stdout).toContain(`zowe ha provision -t ${topo} --resume`);
      expect(res.stdout).toMatch(new RegExp(`zowe ha rollback -t ${topo.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} --run PLEX1-\\S+`));
    } finally {
      await failing.stop();
    }
  });
});

describe("diagnostics in the Zowe app log", () => {
  it("has a line per z/OSMF request of a verify at debug level, and never the password", async () => {
    const logs = path.join(home, "logs");
    const text = () =>
      existsSync(logs)
        ? readdirSync(logs)
            .map((f) => readFileSync(path.join(logs, f), "utf8"))
            .join("\n")
        : "";
    const before = text().length;
    const res = await zowe(["ha", "verify", "-t", path.join(ROOT, "examples", "two-system.yaml")], {
      ...connEnv,
      ZOWE_APP_LOG_LEVEL: "debug",
    });
    expect(res.status, res.stderr).not.toBeNull();
    const added = text().slice(before);
    expect(added).toMatch(/z\/OSMF GET \/zosmf\/\S+ 200 \d+ ms/);
    expect(added).toMatch(/z\/OSMF PUT \/zosmf\/restconsoles\/consoles\/\S+ 200 \d+ ms/);
    expect(added).not.toContain(emulator.password);
    expect(added).not.toContain(Buffer.from(`${emulator.user}:${emulator.password}`).toString("base64"));
  });
});

describe("one z/OSMF session per host per command, through the real zowe binary", () => {
  interface AuthLog {
    auth: Record<string, { logons: number; logoffs: number; basic: number; cookie: number; refused: number }>;
  }
  const authLog = async () => Object.values((await emulatorGet<AuthLog>(emulator, "/__emulator/log")).auth);

  it("a wrong password with --concurrency 16 is refused once, exit 4, and the message says nothing more was sent", async () => {
    await emulatorCall(emulator, "DELETE", "/__emulator/log");
    const res = await zowe(["ha", "provision", "-t", path.join(ROOT, "examples", "two-system.yaml"), "--dry-run", "--concurrency", "16"], {
      ...connEnv,
      ZOWE_OPT_PASSWORD: "Wrong-1",
    });
    expect(res.status).toBe(4);
    expect(res.stderr).toMatch(/refused the credentials/);
    expect(res.stderr).toMatch(/Nothing more was sent/);
    expect((await authLog()).map((a) => a.refused)).toEqual([1]);
  });

  it("with the right password, one logon per host, every other request by cookie, and a logoff", async () => {
    await emulatorCall(emulator, "DELETE", "/__emulator/log");
    const res = await zowe(["ha", "verify", "-t", path.join(ROOT, "examples", "two-system.yaml")], connEnv);
    expect(res.status, res.stderr).not.toBe(4);
    const [counts, ...others] = await authLog();
    expect(others).toEqual([]);
    expect(counts).toMatchObject({ logons: 1, logoffs: 1, basic: 0, refused: 0 });
    expect(counts!.cookie).toBeGreaterThan(0);
  });

  it("resolves a topology's named zosmf profile from the team configuration, with no credential store", async () => {
    const configFile = path.join(home, "zowe.config.json");
    const profile = {
      type: "zosmf",
      properties: { host: emulator.host, port: emulator.port, user: emulator.user, password: emulator.password, rejectUnauthorized: true },
      secure: [],
    };
    writeFileSync(
      configFile,
      JSON.stringify({ profiles: { plex2: { properties: {}, profiles: { sysa: profile } } }, defaults: {}, autoStore: false }),
    );
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-profile-"));
      const file = path.join(dir, "profile.yaml");
      writeFileSync(
        file,
        readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace(
          /connection: \{\}/g,
          "connection: { profile: plex2.sysa }",
        ),
      );
      await emulatorCall(emulator, "DELETE", "/__emulator/log");
      const res = await zowe(["ha", "verify", "-t", file], connEnv);
      expect(res.stderr).not.toMatch(/credential manager|does not have/i);
      expect(res.status, res.stderr).not.toBe(3);
      expect((await authLog()).map((a) => a.logons)).toEqual([1]);
    } finally {
      rmSync(configFile, { force: true });
    }
  });
});

describe("Ctrl-C through the real zowe binary", () => {
  it("SIGINT while a job runs: exit 4, the running job and the next commands named, the record says interrupted", async () => {
    // Its own emulator: the first file-system job is made to run for ever.
    const slow = await startEmulatorProcess(["--systems", "SYSA,SYSB", "--fault", "jobNeverEnds:IZUMKF0A"]);
    let running: RunningZowe | undefined;
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-int-"));
      const topo = path.join(dir, "plex.yaml");
      writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
      const env = {
        ...connEnv,
        ZOWE_OPT_HOST: slow.host,
        ZOWE_OPT_PORT: String(slow.port),
        ZOWE_OPT_USER: slow.user,
        ZOWE_OPT_PASSWORD: slow.password,
        NODE_EXTRA_CA_CERTS: slow.caFile,
      };
      running = startZowe(["ha", "provision", "-t", topo], env);
      const submitted = async () =>
        (await emulatorGet<EmulatorLog>(slow, "/__emulator/log")).submits as { jobname: string; jobid: string }[];
      let job: { jobname: string; jobid: string } | undefined;
      while (!(job = (await submitted()).find((s) => s.jobname === "IZUMKF0A"))) {
        if (running.child.exitCode !== null)
          throw new Error(`zowe ended before the job was submitted: ${JSON.stringify(running.output())}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      running.child.kill("SIGINT");
      const code = await running.exited;
      const { stdout, stderr } = running.output();
      expect(code, stderr).toBe(4);
      expect(stderr).toMatch(/SIGINT: stopping/);
      expect(stdout).toMatch(new RegExp(`jobs still running on z/OS: .*IZUMKF0A\\(${job.jobid}\\)`));
      expect(stdout).toContain(`zowe ha provision -t ${topo} --resume`);
      const recordFile = /Run record: (\S+)/.exec(stdout)?.[1];
      expect(recordFile, stdout).toBeDefined();
      expect((JSON.parse(readFileSync(recordFile!, "utf8")) as { status: string }).status).toBe("interrupted");
    } finally {
      if (running && running.child.exitCode === null) running.child.kill("SIGKILL");
      await slow.stop();
    }
  }, 180_000);
});

describe("--establish-connection-timeout through the real zowe binary", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts the TCP connection and never says a word: the TLS handshake cannot complete.
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("--ecto 2 against a port that never answers TLS ends with exit 4 and names the connect timeout", async () => {
    const port = (silent.address() as { port: number }).port;
    const res = await zowe(
      ["ha", "verify", "-t", path.join(ROOT, "examples", "two-system.yaml"), "--ecto", "2"],
      { ...connEnv, ZOWE_OPT_HOST: "127.0.0.1", ZOWE_OPT_PORT: String(port) },
      60_000,
    );
    expect(res.status, res.stderr).toBe(4);
    // The reasons are in the verify report on stdout; the error line on stderr.
    expect(res.stdout).toMatch(new RegExp(`no connection to 127\\.0\\.0\\.1:${port} within 2 s \\(ECONNECTTIMEOUT\\)`));
    expect(res.stdout).toMatch(/raise --establish-connection-timeout/);
    expect(res.stderr).toMatch(/could not read the command's own connection/);
  }, 90_000);
});

describe("saved plans and the detailed exit code, through the real zowe binary", () => {
  it("saves a plan (exit 5 under --detailed-exit-code), refuses it once z/OS moved (2), applies a new one, and refuses it again or for another topology (3)", async () => {
    // A fresh sysplex, whatever the tests above left.
    await emulatorCall(emulator, "POST", "/__emulator/reset");
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-plan-"));
    const topo = path.join(dir, "plex.yaml");
    writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
    const plan = path.join(dir, "plan.json");
    try {
      const dry = await zowe(
        ["ha", "provision", "-t", topo, "--dry-run", "--out", plan, "--detailed-exit-code", "--rfj"],
        connEnv,
        120_000,
      );
      expect(dry.status).toBe(5);
      const data = (JSON.parse(dry.stdout) as { data: { status: string; planFile: string; counts: { jobs: number } } }).data;
      expect(data.status).toBe("planned");
      expect(data.planFile).toBe(plan);
      expect(data.counts.jobs).toBe(4);
      expect(statSync(plan).mode & 0o777).toBe(0o600);
      expect(readFileSync(plan, "utf8")).not.toContain(emulator.password);

      // Without the option a pending dry run is a success, as pipelines have always seen it.
      const plain = await zowe(["ha", "provision", "-t", topo, "--dry-run"], connEnv, 120_000);
      expect(plain.status).toBe(0);
      // The IPL-time members the example names are updated: their originals go to the backup library the plan creates.
      // The count is one sentence, wrapped between words at 80 columns (stdout is a pipe here).
      expect(plain.stdout.split("\n\n")[0]!.replace(/\n\s+/g, " ")).toBe(
        "Plan: 8 members to create, 6 to update, 1 file to update, 4 jobs, 4 commands, 1 data set to create.",
      );

      // z/OS moves behind the saved plan: refused with exit 2, naming the member, nothing written or submitted.
      const moved = await emulatorLog();
      await emulatorCall(emulator, "PUT", `/__emulator/ds/${encodeURIComponent("SYS1.SAMPLIB(IZUPRM00)")}`, "HOSTNAME('ELSEWHERE')\n");
      const refused = await zowe(["ha", "provision", "-t", topo, "--plan", plan], connEnv, 120_000);
      expect(refused.status).toBe(2);
      expect(refused.stdout + refused.stderr).toMatch(/SYS1\.SAMPLIB\(IZUPRM00\) changed since the plan: ETag \S+ → \S+/);
      const afterMove = await emulatorLog();
      // Nothing but the run's own sysplex lock, taken before it looked and removed at the refusal.
      expect(writeLines(afterMove.writes.slice(moved.writes.length))).toEqual(lockWrites());
      expect(afterMove.submits.slice(moved.submits.length)).toEqual([]);

      // A new plan of the sysplex as it now is, applied exactly.
      expect((await zowe(["ha", "provision", "-t", topo, "--dry-run", "--out", plan], connEnv, 120_000)).status).toBe(0);
      const applied = await zowe(["ha", "provision", "-t", topo, "--plan", plan], connEnv, 180_000);
      expect(applied.status, applied.stderr).toBe(0);
      expect(applied.stdout).toContain(`Applied the saved plan ${plan}`);
      expect(applied.stdout.replace(/\n {2}(?=\S)/g, " ")).toContain(
        "Done: 8 members created, 6 updated, 1 file updated, 4 jobs, 4 commands, 1 data set created.",
      );

      const before = await emulatorLog();
      const again = await zowe(["ha", "provision", "-t", topo, "--plan", plan], connEnv, 120_000);
      expect(again.status).toBe(3);
      expect(again.stdout + again.stderr).toMatch(/plan\.json was already applied by run PLEX1-\S+ \(succeeded\)/);
      const after = await emulatorLog();
      expect(after.total).toBe(before.total);

      writeFileSync(topo, readFileSync(topo, "utf8").replace("port: 443", "port: 8443"));
      const other = await zowe(["ha", "provision", "-t", topo, "--plan", plan], connEnv, 120_000);
      expect(other.status).toBe(3);
      expect(other.stdout + other.stderr).toMatch(/the topology differs from the one the plan was made from/);
      expect((await emulatorLog()).total).toBe(after.total);
    } finally {
      await emulatorCall(emulator, "POST", "/__emulator/reset");
    }
  }, 600_000);
});

describe("zowe ha unlock through the real zowe binary", () => {
  it("exits 3 without --run, 2 when --run names another run, 0 when it names the holder, and the lock is gone", async () => {
    const own = await startEmulatorProcess(["--systems", "SYSA,SYSB"]);
    try {
      const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-unlock-"));
      const topo = path.join(dir, "plex.yaml");
      writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
      const env = { ...connEnv, ZOWE_OPT_HOST: own.host, ZOWE_OPT_PORT: String(own.port), NODE_EXTRA_CA_CERTS: own.caFile };
      env.ZOWE_OPT_USER = own.user;
      env.ZOWE_OPT_PASSWORD = own.password;
      // A lock left by a run on another machine that was killed.
      const state = await emulatorGet<{ datasets: Record<string, unknown> }>(own, "/__emulator/state");
      const holder = { runId: "PLEX1-20261201T080000000-beef", user: "OTHERU", host: "pipeline-7", since: "2026-12-01T08:00:00.000Z" };
      state.datasets["HA.BACKUP.LOCK"] = {
        name: "HA.BACKUP.LOCK",
        dsorg: "PS",
        volser: "VOL001",
        created: "2026-12-01T08:00:00.000Z",
        recfm: "VB",
        lrecl: 1024,
        blksize: 27998,
        content: JSON.stringify({ ...holder, command: "provision", version: "0.1.0" }),
        etag: "E-LOCK",
      };
      await emulatorCall(own, "PUT", "/__emulator/state", JSON.stringify(state));
      const lockLeft = async () => "HA.BACKUP.LOCK" in (await emulatorGet<{ datasets: object }>(own, "/__emulator/state")).datasets;

      const provision = await zowe(["ha", "provision", "-t", topo], env, 120_000);
      expect(provision.status).toBe(2);
      expect(provision.stderr).toContain("SYSPLEX PLEX1 is locked by run PLEX1-20261201T080000000-beef of OTHERU on host pipeline-7");
      expect(provision.stderr).toContain("--run PLEX1-20261201T080000000-beef");

      const bare = await zowe(["ha", "unlock", "-t", topo], env, 60_000);
      expect(bare.status).toBe(3);
      const wrong = await zowe(["ha", "unlock", "-t", topo, "--run", "PLEX1-20261201T080000000-dead"], env, 60_000);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain("locked by run PLEX1-20261201T080000000-beef");
      expect(await lockLeft()).toBe(true);
      const right = await zowe(["ha", "unlock", "-t", topo, "--run", "PLEX1-20261201T080000000-beef", "--rfj"], env, 60_000);
      expect(right.status).toBe(0);
      const removed = (JSON.parse(right.stdout) as { data: { removed: boolean; text: string; holder: { host: string } } }).data;
      expect(removed).toMatchObject({ removed: true, holder: { host: "pipeline-7" } });
      expect(removed.text).toContain("Removed the lock of SYSPLEX PLEX1");
      expect(await lockLeft()).toBe(false);
      const free = await zowe(["ha", "unlock", "-t", topo, "--run", "PLEX1-20261201T080000000-beef", "--rfj"], env, 60_000);
      expect(free.status).toBe(0);
      expect((JSON.parse(free.stdout) as { data: { removed: boolean; holder: unknown } }).data).toMatchObject({
        removed: false,
        holder: null,
      });
    } finally {
      await own.stop();
    }
  });
});

describe("runs list and runs show through the real zowe binary", () => {
  it("lists a run from z/OS on a machine without its record, shows it, exits 3 for an unknown run, and rolls it back from there", async () => {
    const mine = mkdtempSync(path.join(tmpdir(), "zowe-ha-runs-"));
    const theirs = mkdtempSync(path.join(tmpdir(), "zowe-ha-runs-other-"));
    const text = readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", "");
    for (const dir of [mine, theirs]) writeFileSync(path.join(dir, "plex.yaml"), text);
    const prov = await zowe(["ha", "provision", "-t", path.join(mine, "plex.yaml"), "--rfj"], connEnv, 180_000);
    expect(prov.status).toBe(0);
    const runId = (JSON.parse(prov.stdout) as { data: { runId: string } }).data.runId;

    const other = path.join(theirs, "plex.yaml");
    const list = await zowe(["ha", "runs", "list", "-t", other], connEnv);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`^${runId}\\s+provision\\s.*\\sz/OS$`, "m"));
    const listed = await zowe(["ha", "runs", "list", "-t", other, "--rfj"], connEnv);
    expect((JSON.parse(listed.stdout) as { data: { runs: { runId: string }[] } }).data.runs.map((r) => r.runId)).toContain(runId);

    const shown = await zowe(["ha", "runs", "show", runId, "-t", other, "--format", "markdown"], connEnv);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`# Change record: provision run ${runId}`);
    expect(shown.stdout + shown.stderr).not.toContain(emulator.password);
    const shownRfj = await zowe(["ha", "runs", "show", runId, "-t", other, "--rfj"], connEnv);
    expect((JSON.parse(shownRfj.stdout) as { data: { record: { runId: string }; places: string[] } }).data).toMatchObject({
      record: { runId },
      places: ["z/OS"],
    });
    expect(shownRfj.stdout).not.toContain(emulator.password);

    const unknown = await zowe(["ha", "runs", "show", "PLEX1-19990101T000000000-0000", "-t", other], connEnv);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/No record of run PLEX1-19990101T000000000-0000/);

    // The other machine undoes the run from its record on z/OS.
    const undo = await zowe(["ha", "rollback", "-t", other, "--run", runId, "--rfj"], connEnv, 180_000);
    expect(undo.status, undo.stderr).toBe(0);
    expect((JSON.parse(undo.stdout) as { data: { undoneRuns: string[] } }).data.undoneRuns).toEqual([runId]);
    // The sum of its commands' own bounds: a shorter test timeout would abandon the commands still to come, unwatched.
  }, 900_000);
});

describe("runs list and runs show when z/OSMF is gone or never answers, through the real zowe binary", () => {
  const otherMachine = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-runs-gone-"));
    writeFileSync(
      path.join(dir, "plex.yaml"),
      readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""),
    );
    return path.join(dir, "plex.yaml");
  };
  const killIfRunning = (r: RunningZowe) => {
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill("SIGKILL");
  };
  /** A port nothing listens on any more. */
  const closedPort = async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  };

  it("ends with an error naming the host when z/OSMF is gone, also when whoever read its output has gone", async () => {
    const port = await closedPort();
    const env = { ...connEnv, ZOWE_OPT_HOST: "127.0.0.1", ZOWE_OPT_PORT: String(port) };
    const topo = otherMachine();
    const shown = await zowe(["ha", "runs", "show", "PLEX1-20261201T080000000-beef", "-t", topo, "--format", "markdown"], env);
    expect(shown.status).toBe(4);
    expect(shown.stderr).toContain(`cannot reach 127.0.0.1:${port}`);
    // Its parent died: stdout and stderr lead nowhere, every write fails with EPIPE.
    const running = [
      startZowe(["ha", "runs", "list", "-t", topo, "--rfj"], env),
      startZowe(["ha", "runs", "show", "PLEX1-20261201T080000000-beef", "-t", topo, "--format", "markdown"], env),
    ];
    // Also when the test times out: a process left behind here is the very fault under test.
    onTestFinished(() => running.forEach(killIfRunning));
    for (const r of running) {
      r.child.stdout!.destroy();
      r.child.stderr!.destroy();
    }
    // The list still ends 0 with this machine's runs and the reason z/OS was not read; the show has nothing to show.
    expect(await running[0]!.exited).toBe(0);
    expect(await running[1]!.exited).toBe(4);
  }, 120_000);

  it("SIGTERM ends a read that z/OSMF never answers, at once, exit 4", async () => {
    const sockets: Socket[] = [];
    let reached!: () => void;
    const connected = new Promise<void>((resolve) => (reached = resolve));
    // Accepts the connection and never says a word.
    const silent = createServer((socket) => {
      sockets.push(socket);
      reached();
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    const env = { ...connEnv, ZOWE_OPT_HOST: "127.0.0.1", ZOWE_OPT_PORT: String(port) };
    const running = startZowe(["ha", "runs", "list", "-t", otherMachine(), "--completion-timeout", "600"], env);
    onTestFinished(async () => {
      killIfRunning(running);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    await connected;
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(4);
    expect(running.output().stderr).toMatch(/Interrupted by SIGTERM/);
  }, 120_000);
});

describe("--rfj results and schemas/", () => {
  it("every --rfj result above validates against its schema, every field described, and every schema was met", () => {
    expect(rfjChecked.length).toBeGreaterThanOrEqual(10);
    expect(rfjChecked.filter((c) => c.errors.length > 0)).toEqual([]);
    const met = new Set(rfjChecked.map((c) => c.name));
    expect(Object.keys(RESULT_SCHEMAS).filter((n) => !met.has(n as ResultSchemaName))).toEqual([]);
  });
});
