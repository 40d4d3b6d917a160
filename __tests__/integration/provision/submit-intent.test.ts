/**
 * A run cut off while submitting a job leaves its intent in the run record, so the next
 * provision looks for that job before planning instead of submitting the work again.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { HaError } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import type { ZosmfConnection } from "../../../src/zosmf";

const EXAMPLE = path.join(__dirname, "../../../examples/two-system.yaml");
const FAST = { consoleDelayMs: 20, jobTimeoutMs: 30_000 };

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function setUp(): Promise<{ topologyFile: string; connection: ZosmfConnection; emu: Emulator }> {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 } });
  const dir = mkdtempSync(path.join(tmpdir(), "ha-intent-"));
  const topologyFile = path.join(dir, "plex.yaml");
  writeFileSync(topologyFile, readFileSync(EXAMPLE, "utf8"));
  const url = new URL(emu.url);
  const connection: ZosmfConnection = {
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  };
  return { topologyFile, connection, emu };
}

const submitsIn = (e: Emulator) => e.requestLog.counts["PUT jobs.submit"] ?? 0;

describe("a run cut off while submitting a job", () => {
  it("refuses the next provision while the job whose answer was lost is still running, submitting nothing", async () => {
    const { topologyFile, connection, emu } = await setUp();
    // The first submit takes effect but its answer is lost, the job never ends, and the lookup by token fails.
    emu.context.faults.add({ kind: "lostResponse", match: "PUT jobs.submit", count: 1 });
    emu.context.faults.add({ kind: "jobNeverEnds", match: "*", count: 1 });
    emu.context.faults.add({ kind: "status", status: 500, match: "GET jobs.list" });
    const cut = await provision({ topologyFile, connection, ...FAST });
    expect(cut.status).toBe("failed");
    const lost = emu.requestLog.submits[0]!;
    emu.context.faults.replace({});
    const submits = submitsIn(emu);

    const err = (await provision({ topologyFile, connection, ...FAST }).catch((e: unknown) => e)) as HaError;
    expect(err).toBeInstanceOf(HaError);
    expect(err.message).toMatch(/left jobs that have not ended/);
    expect(err.details.join("\n")).toContain(`${lost.jobname}(${lost.jobid})`);
    expect(submitsIn(emu)).toBe(submits);
    expect(emu.state.jobs.filter((j) => j.jobname === lost.jobname)).toHaveLength(1);
  });

  it("refuses the next provision when the job is not on the queue, naming the job and its token", async () => {
    const { topologyFile, connection, emu } = await setUp();
    // The connection drops before z/OSMF read the submit: JES never saw the job, the client cannot tell.
    emu.context.faults.add({ kind: "reset", match: "PUT jobs.submit", count: 1 });
    const cut = await provision({ topologyFile, connection, ...FAST });
    expect(cut.status).toBe("failed");
    const unknown = cut.outcomes.find((o) => o.error?.message.includes("unknown outcome"));
    expect(unknown, "a step with an unknown submission").toBeDefined();
    const submits = submitsIn(emu);

    const err = (await provision({ topologyFile, connection, ...FAST }).catch((e: unknown) => e)) as HaError;
    expect(err).toBeInstanceOf(HaError);
    expect(err.message).toMatch(/whether it was submitted is unknown/);
    const details = err.details.join("\n");
    expect(details).toMatch(/with token T?\S+ \(step \S+\) is not on the JES queue/);
    expect(details).toMatch(/Check the JES queue/);
    expect(submitsIn(emu)).toBe(submits);
  });
});
