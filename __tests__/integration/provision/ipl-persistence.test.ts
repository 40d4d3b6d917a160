import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { HaError } from "../../../src/errors";
import { planRollback } from "../../../src/rollback/plan";
import { executePlan } from "../../../src/engine/execute";
import type { RunRecordData } from "../../../src/engine/run-record";
import type { ZosmfClient } from "../../../src/zosmf";
import { withoutPersistence } from "../../example-topology";
import { apply, MemoryRecorder, plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

/** An 80-byte record: data, blanks to column 72, a sequence number in 73-80. */
const rec = (data: string, n: number) => `${data.padEnd(72)}${String(n * 1000).padStart(8, "0")}`;
const IEASYS = (cc: string) =>
  [
    rec(`/* IEASYS${cc} - SYSTEM PARAMETERS */`, 1),
    rec("CLOCK=00,                     TOD CLOCK", 2),
    rec(`OMVS=(00,${cc}),                 BPXPRM00 THEN BPXPRM${cc}`, 3),
    rec(`PROG=(00,${cc})                  LAST: NO COMMA`, 4),
  ].join("\n");
const BPXPRM = (sys: string) =>
  [
    rec(`/* FILE SYSTEMS OWNED BY ${sys} */`, 1),
    rec(`MOUNT FILESYSTEM('OMVS.${sys}.ETC') MOUNTPOINT('/${sys}/etc')`, 2),
    rec("      TYPE(ZFS) MODE(RDWR) UNMOUNT", 3),
  ].join("\n");

async function put(member: string, text: string): Promise<void> {
  const res = await fetch(`${emu.url}/__emulator/ds/${encodeURIComponent(`SYS1.PARMLIB(${member})`)}`, { method: "PUT", body: text });
  expect(res.ok, member).toBe(true);
}
const read = async (member: string) => (await client.files.read("SYS1.PARMLIB", member)).text;

/** The example with each system's IPL-time members named but no stack profile, so the plan still has one thing to warn about. */
const persistent = () => topology("two-system.yaml", (y) => withoutPersistence(y, { fields: ["tcpip.profile"] }));

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
  for (const [sys, cc] of [
    ["SYSA", "SA"],
    ["SYSB", "SB"],
  ] as const) {
    await put(`IEASYS${cc}`, IEASYS(cc));
    await put(`BPXPRM${cc}`, BPXPRM(sys));
  }
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

describe("IPL persistence of the z/OSMF hot standby", () => {
  it("shows both edits in a dry run without writing, writes them, changes nothing the second time, and rolls back byte for byte", async () => {
    const t = persistent();
    expect(t.systems.map((s) => s.ipl)).toEqual([
      { ieasys: "SA", bpxprm: "SA" },
      { ieasys: "SB", bpxprm: "SB" },
    ]);
    const writes = emu.requestLog.writes.length;
    const steps = await plan(client, t);
    expect(emu.requestLog.writes.length).toBe(writes);
    const mounts = steps.find((s) => s.id === "ipl-persistence/mounts/SYSA")!;
    const autostart = steps.find((s) => s.id === "ipl-persistence/autostart/SYSA")!;
    // After the live set-up (and the backup library the plan creates), never before.
    expect(mounts.dependsOn.filter((d) => d !== "datasets/backup")).toEqual(["zosmf-ha/filesystem/SYSA"]);
    expect(autostart.dependsOn.filter((d) => d !== "datasets/backup")).toEqual([
      "ipl-persistence/mounts/SYSA",
      "zosmf-ha/parmlib/SYSA",
      "zosmf-ha/angel-procs",
      "zosmf-ha/proc/SYSA",
    ]);
    const diff = (s: typeof mounts) => (s.changes[0]?.kind === "member" ? s.changes[0].diff : "");
    expect(diff(mounts)).toContain("+MOUNT FILESYSTEM('");
    expect(diff(autostart)).toContain("+IZU=0A,");
    // The warning names only what is still missing: the stack profile.
    const warned = steps.flatMap((s) => s.warnings ?? []).filter((w) => w.includes("not persistent"));
    expect(warned).toHaveLength(2);
    expect(warned[0]).toMatch(/systems\[0\]\.tcpip\.profile is not set/);
    expect(warned.join()).not.toMatch(/ipl\./);

    const originals = { IEASYSSA: await read("IEASYSSA"), BPXPRMSA: await read("BPXPRMSA") };
    const first = await apply(steps);
    for (const o of first.outcomes) expect(o.state, `${o.id}: ${o.error?.message}`).not.toMatch(/failed|skipped/);
    const ieasys = await read("IEASYSSA");
    expect(ieasys.split("\n").filter((l) => !l.startsWith("IZU="))).toEqual(originals.IEASYSSA.split("\n"));
    expect((await read("BPXPRMSA")).startsWith(originals.BPXPRMSA.trimEnd())).toBe(true);

    // No IEASYS00 in datasets.parmlib: a new IZU= could replace one the system reads from elsewhere; said, not assumed.
    expect(autostart.warnings ?? []).toContainEqual(expect.stringMatching(/^IEASYS00 is not in SYS1\.PARMLIB; .*D PARMLIB/));

    const again = await plan(client, t);
    for (const s of again.filter((s) => s.id.startsWith("ipl-persistence/"))) expect(s.changes, s.id).toEqual([]);
    // Once IZU= is there, IEASYS00 no longer matters to the edit and nothing is said of it.
    expect(again.find((s) => s.id === "ipl-persistence/autostart/SYSA")!.warnings ?? []).not.toContainEqual(
      expect.stringMatching(/IEASYS00/),
    );

    const record = {
      runId: "run-1",
      outcomes: first.outcomes,
      jobs: [],
      commands: [],
      backups: first.recorder.backups.map((b) => ({ ...b, existed: b.original !== null })),
      writes: first.recorder.writes,
    } as unknown as RunRecordData;
    const undo = await planRollback({ topology: t, client, record, force: false, runToken: "R1", consoleDelayMs: 20 });
    await executePlan(undo, { recorder: new MemoryRecorder(), concurrency: 1 });
    expect(await read("IEASYSSA")).toBe(originals.IEASYSSA);
    expect(await read("BPXPRMSA")).toBe(originals.BPXPRMSA);
  });

  it("stops the plan when BPXPRMxx mounts another file system at USER_DIR, naming both", async () => {
    const t = persistent();
    const dir = t.systems[0]!.zosmf!.userDir;
    await put("BPXPRMSA", `${BPXPRM("SYSA")}\nMOUNT FILESYSTEM('OLD.ZOSMF') MOUNTPOINT('${dir}')\n  TYPE(ZFS)\n`);
    const writes = emu.requestLog.writes.length;
    const err = await plan(client, t).then(
      () => undefined,
      (e: unknown) => e as HaError,
    );
    expect(err?.details.join("\n")).toContain(
      `ipl-persistence/mounts/SYSA: SYS1.PARMLIB(BPXPRMSA): OLD.ZOSMF is mounted at ${dir}, not ${t.systems[0]!.zosmf!.zfs}`,
    );
    expect(emu.requestLog.writes.length).toBe(writes);
  });

  it("plans without the fields, with one warning per system naming what is missing", async () => {
    const steps = await plan(
      client,
      topology("two-system.yaml", (y) => withoutPersistence(y)),
    );
    expect(steps.some((s) => s.id.startsWith("ipl-persistence/"))).toBe(false);
    const warnings = steps.flatMap((s) => (s.warnings ?? []).filter((w) => w.startsWith("not persistent")).map((w) => `${s.system}: ${w}`));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^SYSA: not persistent: lost at the next IPL of SYSA: systems\[0\]\.tcpip\.profile, systems\[0\]\.ipl\.bpxprm and systems\[0\]\.ipl\.ieasys are not set/,
    );
    expect(warnings[1]).toMatch(/^SYSB: .*next IPL of SYSB/);
  });
});
