import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../emulator/cli";

const compiled = path.resolve(__dirname, "../../../lib/emulator/cli.js");

describe("emulator CLI", () => {
  it("§4.1 parses its flags into start options", () => {
    const { options, writeConfig, json } = parseArgs([
      "--systems",
      "SYSA,SYSB,SYSC",
      "--http",
      "--seed",
      "7",
      "--job-input-ms",
      "5",
      "--job-active-ms",
      "9",
      "--fault",
      "status:jobs.status:1:status=503",
      "--json",
      "--write-config",
      "/tmp/x",
    ]);
    expect(options).toMatchObject({ systems: ["SYSA", "SYSB", "SYSC"], tls: false, seed: 7, jobTiming: { inputMs: 5, activeMs: 9 } });
    expect(options.faults?.rules).toEqual([{ kind: "status", match: "jobs.status", count: 1, status: 503 }]);
    expect(json).toBe(true);
    expect(writeConfig).toBe("/tmp/x");
    expect(() => parseArgs(["--bogus"])).toThrow(/unknown option/);
  });

  it.skipIf(!existsSync(compiled))("§4.1 as a child process prints one JSON line, writes a team config and stops on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "emu-cli-"));
    const child = spawn(process.execPath, [compiled, "--systems", "SYSA,SYSB", "--http", "--per-system", "--json", "--write-config", dir], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const first = await new Promise<string>((resolve) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d;
        if (out.includes("wrote ")) resolve(out.split("\n")[0]);
      });
    });
    const info = JSON.parse(first);
    expect(info).toMatchObject({ user: "IBMUSER", password: "Emu-7q2w", pid: child.pid });
    expect((await (await fetch(`${info.url}/zosmf/info`)).json()).zosmf_hostname).toBe("SYSA");
    const config = JSON.parse(readFileSync(path.join(dir, "zowe.config.json"), "utf8"));
    expect(config.profiles.zosmf).toMatchObject({
      type: "zosmf",
      secure: [],
      properties: { port: Number(new URL(info.url).port), rejectUnauthorized: true, user: "IBMUSER" },
    });
    expect(Object.keys(config.profiles)).toEqual(["zosmf", "zosmf_SYSA", "zosmf_SYSB"]);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
