/**
 * A saved plan is applied only while z/OS is what the plan saw: `--dry-run --out` saves it,
 * `--plan` plans again read-only and applies exactly that plan or refuses naming what moved.
 */
import { readFileSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { readPlanFile, type SavedPlan } from "../../../src/engine/plan-file";
import { EXIT_CODES, HaError } from "../../../src/errors";
import { renderRunResult } from "../../../src/report/run-text";
import { pendingOutcome } from "../../../src/run/exit-policy";
import { provision } from "../../../src/run/provision";
import { FAST, parmlib, startPlex, type Plex } from "../rollback/helpers";
import { lockWrites, writeLines } from "../../lock-writes";
import { isDisplayCommand } from "../../../src/engine/sent";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

async function plex(): Promise<Plex & { out: string }> {
  const p = await startPlex();
  emu = p.emu;
  return { ...p, out: path.join(path.dirname(p.topologyFile), "plan.json") };
}

const run = (p: Plex, extra: Parameters<typeof provision>[0] extends infer O ? Partial<O> : never) =>
  provision({ topologyFile: p.topologyFile, connection: p.connection, ...FAST, ...extra });

/** Where the request log stands now, to see what a command sent after it. */
function mark(e: Emulator) {
  const log = e.requestLog;
  const at = { writes: log.writes.length, submits: log.submits.length, commands: log.consoleCommands.length, total: log.total };
  return {
    writes: () => log.writes.slice(at.writes),
    submits: () => log.submits.slice(at.submits),
    commands: () => log.consoleCommands.slice(at.commands).map((c) => c.cmd),
    total: () => log.total - at.total,
  };
}

async function refusal(p: Promise<unknown>): Promise<HaError> {
  return p.then(
    () => {
      throw new Error("the saved plan was applied");
    },
    (err: unknown) => err as HaError,
  );
}

/** The targets, jobs and commands a plan's changes name, in the request log's terms. */
function expected(saved: SavedPlan) {
  const changes = saved.steps.flatMap((s) => s.changes);
  return {
    writes: changes
      .flatMap((c) =>
        c.kind === "member"
          ? [`/zosmf/restfiles/ds/${c.dsn}(${c.member})`]
          : c.kind === "uss-file"
            ? [`/zosmf/restfiles/fs${c.path}`]
            : c.kind === "dataset"
              ? [`/zosmf/restfiles/ds/${c.dsn}`]
              : [],
      )
      .sort(),
    jobs: changes.flatMap((c) => (c.kind === "job" ? [c.jobname] : [])).sort(),
    commands: changes.flatMap((c) => (c.kind === "command" ? [c.command] : [])).sort(),
  };
}

describe("saved plans on a fresh two-system sysplex", () => {
  it("saves the plan with a one-line count above it, owner-only, and applies exactly it while nothing moved", async () => {
    const p = await plex();
    const dry = await run(p, { dryRun: true, out: p.out });
    const text = renderRunResult(dry, { planFile: p.out });
    // The IPL-time members (stack profile, BPXPRMxx, IEASYSxx) are updated, so the backup library is created for their originals.
    // The count is one sentence, wrapped between words at 80 columns.
    expect(text.split("\n\n")[0]!.replace(/\n\s+/g, " ")).toBe(
      "Plan: 8 members to create, 6 to update, 1 file to update, 4 jobs, 4 commands, 1 data set to create.",
    );
    expect(dry.counts).toEqual({
      members: { create: 8, update: 6, delete: 0 },
      files: { create: 0, update: 1 },
      jobs: 4,
      commands: 4,
      datasets: { create: 1 },
    });
    expect(statSync(p.out).mode & 0o777).toBe(0o600);
    // Neither the password nor anything else of the connection is in the file.
    expect(readFileSync(p.out, "utf8")).not.toContain(p.connection.password!);
    const saved = await readPlanFile(p.out);
    expect(saved.steps.map((s) => s.id)).toEqual(dry.plan.map((s) => s.id));
    expect(saved.steps.find((s) => s.id === "zosmf-ha/parmlib/SYSA")?.reads).toContainEqual({
      target: "SYS1.PARMLIB(IZUPRM0A)",
      etag: null,
      sha256: null,
    });

    const sent = mark(p.emu);
    const applied = await run(p, { planFile: p.out });
    expect(applied.status).toBe("succeeded");
    expect(applied.plan.map((s) => s.changes)).toEqual(saved.steps.map((s) => s.changes));
    // What reached z/OS is what the plan showed: its writes, jobs and commands. Besides them only the run's own
    // bookkeeping is written: the backup copies and staged new members of this run (in the backup library and
    // beside zowe.yaml), the sysplex lock and the run record mirrored beside the backups. They are no plan change.
    const want = expected(saved);
    const bookkeeping = (target: string) =>
      target.endsWith(`.ha-${saved.runToken}.bak`) ||
      target.startsWith("/zosmf/restfiles/ds/HA.BACKUP(") ||
      target === "/zosmf/restfiles/ds/HA.BACKUP.LOCK" ||
      target === "/zosmf/restfiles/ds/HA.BACKUP.RUNS" ||
      target.startsWith("/zosmf/restfiles/ds/HA.BACKUP.RUNS(");
    const writes = sent.writes().map((w) => w.target);
    expect(writes.filter((t) => !bookkeeping(t)).sort()).toEqual(want.writes);
    // The lock is taken first and removed last.
    expect(writes[0]).toBe("/zosmf/restfiles/ds/HA.BACKUP.LOCK");
    expect(writes.at(-1)).toBe("/zosmf/restfiles/ds/HA.BACKUP.LOCK");
    expect(
      sent
        .submits()
        .map((s) => s.jobname)
        .sort(),
    ).toEqual(want.jobs);
    expect(
      sent
        .commands()
        .filter((c) => !isDisplayCommand(c))
        .sort(),
    ).toEqual(want.commands);
    // Summary sentences wrap between words at 80 columns: read as one line each.
    expect(renderRunResult(applied, { planFile: p.out }).replace(/\n {2}(?=\S)/g, " ")).toContain(
      "Done: 8 members created, 6 updated, 1 file updated, 4 jobs, 4 commands, 1 data set created.",
    );

    // A plan is applied by one run: a second apply is refused by its run record, before z/OS is looked at.
    const second = mark(p.emu);
    const again = await refusal(run(p, { planFile: p.out }));
    expect(again.failureClass).toBe("invalid-input");
    expect(again.message).toMatch(new RegExp(`plan\\.json was already applied by run ${applied.runId} \\(succeeded\\)`));
    expect(second.total()).toBe(0);
    // Checked without applying, the same plan names what its own apply changed.
    const checked = await refusal(run(p, { planFile: p.out, dryRun: true }));
    expect(checked.failureClass).toBe("zos-failure");
    expect(checked.details).toContain(`SYS1.PARMLIB(IZUPRM0A) was created since the plan (ETag ${parmlib(p.emu).members.IZUPRM0A!.etag})`);
  });

  it("refuses a plan when a member it read changed behind it, naming the member, and sends nothing but reads", async () => {
    const p = await plex();
    await run(p, { dryRun: true, out: p.out });
    const before = (await readPlanFile(p.out)).steps.flatMap((s) => s.reads).find((r) => r.target === "SYS1.SAMPLIB(IZUPRM00)")!;
    const put = await fetch(`${p.emu.url}/__emulator/ds/${encodeURIComponent("SYS1.SAMPLIB(IZUPRM00)")}`, {
      method: "PUT",
      body: "HOSTNAME('SOMEONE.ELSE')\n",
    });
    const { etag } = (await put.json()) as { etag: string };

    const sent = mark(p.emu);
    const refused = await refusal(run(p, { planFile: p.out }));
    expect(refused.failureClass).toBe("zos-failure");
    expect(EXIT_CODES[refused.failureClass]).toBe(2);
    expect(refused.message).toMatch(/z\/OS changed since .*plan\.json was made; nothing was applied/);
    const named = `SYS1.SAMPLIB(IZUPRM00) changed since the plan: ETag ${before.etag} → ${etag}`;
    expect(refused.details.filter((d) => d === named)).toHaveLength(1);
    // The members made from it would now be other members: said per step.
    expect(refused.details).toContainEqual(
      expect.stringMatching(/^step zosmf-ha\/parmlib\/SYSA would now make other changes: create member SYS1\.PARMLIB\(IZUPRM0A\) differs$/),
    );
    // Nothing but the run's own sysplex lock, taken before it looked and removed at the refusal.
    expect(writeLines(sent.writes())).toEqual(lockWrites());
    expect(sent.submits()).toEqual([]);
    expect(sent.commands().every((c) => isDisplayCommand(c))).toBe(true);
  });

  it("refuses a plan made for another topology (exit 3) before sending anything", async () => {
    const p = await plex();
    await run(p, { dryRun: true, out: p.out });
    writeFileSync(p.topologyFile, readFileSync(p.topologyFile, "utf8").replace("port: 443", "port: 8443"));
    const sent = mark(p.emu);
    const refused = await refusal(run(p, { planFile: p.out }));
    expect(refused.failureClass).toBe("invalid-input");
    expect(EXIT_CODES[refused.failureClass]).toBe(3);
    expect(refused.details[0]).toMatch(/^the topology differs from the one the plan was made from/);
    expect(sent.total()).toBe(0);
  });

  it("refuses --out without --dry-run, onto the topology or a folder, and --plan with --resume, as input errors", async () => {
    const p = await plex();
    const sent = mark(p.emu);
    expect((await refusal(run(p, { out: p.out }))).message).toMatch(/--out saves the plan of a dry run: add --dry-run/);
    expect((await refusal(run(p, { planFile: p.out, resume: true }))).failureClass).toBe("invalid-input");
    const topologyText = readFileSync(p.topologyFile, "utf8");
    expect((await refusal(run(p, { dryRun: true, out: p.topologyFile }))).message).toMatch(/--out names the topology file itself/);
    expect(readFileSync(p.topologyFile, "utf8")).toBe(topologyText);
    expect((await refusal(run(p, { dryRun: true, out: path.dirname(p.out) }))).message).toMatch(/--out: .* is a folder/);
    expect(sent.total()).toBe(0);
  });
});

describe("the dry run's detailed exit code", () => {
  it("is the pending code on a fresh sysplex only when asked for, and 0 once provisioned", async () => {
    const p = await plex();
    // Caching Service only: every step of it can tell from a read whether it is in place.
    const text = readFileSync(p.topologyFile, "utf8");
    writeFileSync(p.topologyFile, text.replace(/\nzosmfHa:[\s\S]*?\n(?=cachingService:)/, "\n"));
    const fresh = await run(p, { dryRun: true });
    expect(fresh.summary.changed).toBeGreaterThan(0);
    expect(pendingOutcome(fresh, true)).toBe("changes-pending");
    expect(EXIT_CODES["changes-pending"]).toBe(5);
    expect(pendingOutcome(fresh, false)).toBeUndefined();

    expect((await run(p, {})).status).toBe("succeeded");
    const provisioned = await run(p, { dryRun: true });
    expect(provisioned.summary.changed).toBe(0);
    expect(renderRunResult(provisioned).split("\n")[0]).toBe("Plan: nothing to change.");
    expect(pendingOutcome(provisioned, true)).toBeUndefined();
  });
});
