/**
 * Ctrl-C during `zowe ha drill` through the real zowe binary: the stopped server is started
 * again before the command ends, and the message says so.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../emulator";
import { provision } from "../../src/run/provision";
import type { ZosmfConnection } from "../../src/zosmf";
import { installPackedPlugin, ROOT, type RunningZowe } from "./harness";

let emu: Emulator | undefined;
let cli: Awaited<ReturnType<typeof installPackedPlugin>>;

beforeAll(async () => {
  cli = await installPackedPlugin();
}, 300_000);

afterAll(async () => {
  await emu?.stop();
});

describe("zowe ha drill and Ctrl-C", () => {
  it("SIGINT after the server was stopped: the server is started again, the message says so, exit 4", async () => {
    emu = await start({ tls: true, port: 0, systems: ["SYSA", "SYSB"], dvipaListeners: true, jobTiming: { inputMs: 5, activeMs: 20 } });
    const dir = mkdtempSync(path.join(tmpdir(), "zowe-ha-drill-"));
    const topo = path.join(dir, "plex.yaml");
    writeFileSync(topo, readFileSync(path.join(ROOT, "examples", "two-system.yaml"), "utf8").replace("../schemas/", ""));
    const url = new URL(emu.url);
    const ca = readFileSync(emu.caFile, "utf8");
    const connection: ZosmfConnection = {
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "https",
      user: emu.user,
      password: emu.password,
      ca,
    };
    expect((await provision({ topologyFile: topo, connection, startServers: true, consoleDelayMs: 20, jobTimeoutMs: 30_000 })).status).toBe(
      "succeeded",
    );
    await emu.settle();
    // Each look at the DVIPA takes a while: the drill is still watching when the signal comes.
    emu.context.faults.add({ kind: "latency", match: "info", ms: 1500 });
    const env = {
      ZOWE_OPT_HOST: url.hostname,
      ZOWE_OPT_PORT: url.port,
      ZOWE_OPT_USER: emu.user,
      ZOWE_OPT_PASSWORD: emu.password,
      ZOWE_OPT_REJECT_UNAUTHORIZED: "true",
      NODE_EXTRA_CA_CERTS: emu.caFile,
    };
    const from = emu.requestLog.consoleCommands.length;
    const running: RunningZowe = cli.start(
      ["ha", "drill", "-t", topo, "--method", "stop", "--connect-to", `192.0.2.10:443=${emu.dvipaUrls["192.0.2.10:443"]}`],
      env,
    );
    try {
      const sent = () => emu!.requestLog.consoleCommands.slice(from).map((c) => c.cmd);
      while (!sent().includes("P IZUSVRA")) {
        if (running.child.exitCode !== null)
          throw new Error(`zowe ended before the server was stopped: ${JSON.stringify(running.output())}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      running.child.kill("SIGINT");
      const code = await running.exited;
      const { stdout, stderr } = running.output();
      expect(code, `${stdout}\n${stderr}`).toBe(4);
      expect(stderr).toMatch(/SIGINT: stopping/);
      expect(stdout).toMatch(/Drill interrupted/);
      expect(stdout).toMatch(/S IZUSVRA was confirmed on SYSA/);
      expect(sent().filter((c) => /^[PS] /.test(c))).toEqual(["P IZUSVRA", "S IZUSVRA"]);
      expect(emu.state.systems.SYSA!.tcpip.listeners.some((l) => l.jobName === "IZUSVRA" && l.port === 443)).toBe(true);
    } finally {
      if (running.child.exitCode === null) running.child.kill("SIGKILL");
    }
  }, 300_000);
});
