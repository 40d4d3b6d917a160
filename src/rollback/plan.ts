import type { BackupEntry, Change, PlannedStep, WriteEntry } from "../engine/types";
import { sha256, type RecordedBackup, type RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import { sameRecords, unifiedDiff } from "../provision/ops/diff";
import { applyObeyMember, obeyCommands } from "../provision/ops/obey";
import { readMember, readUssFile, type Observed } from "../provision/ops/read-current";
import { safeWriteMember, safeWriteUss } from "../provision/ops/safe-write";
import { hasServiceDefinitions, planServicesRemoval } from "../provision/distributed/remove-step";
import { planPortRemoval } from "../provision/port-sharing/remove-step";
import { WORKFLOWS } from "../provision/plan";
import { loadWorkflow } from "../provision/workflow-loader";
import { obeyVariables } from "../provision/zosmf-ha/obey-member";
import { readStack } from "../provision/zosmf-ha/stack-state";
import { redactSecrets } from "../engine/redact";
import { renderTemplate } from "../templates/render";
import { systemByName, type Topology } from "../topology";
import type { ZosmfClient } from "../zosmf";

export interface RollbackPlanOptions {
  readonly topology: Topology;
  readonly client: ZosmfClient;
  /** The provision run to undo. */
  readonly record: RunRecordData;
  /** Restore even what someone changed after the run. @default false */
  readonly force: boolean;
  readonly runToken: string;
  readonly workflowsDir?: string;
  /** @default 1000 */
  readonly consoleDelayMs?: number;
}

type Target = BackupEntry["target"];

const keyOf = (t: Target) => (t.kind === "member" ? `${t.dsn}(${t.member})` : t.path);

/**
 * Undoes a provision run from its record: TCP/IP definitions first removed through an
 * obey member, then every member and file put back as it was before the run. What
 * jobs created (RACF profiles, zFS, VSAM) is left alone and said so.
 */
export async function planRollback(o: RollbackPlanOptions): Promise<PlannedStep[]> {
  const steps: PlannedStep[] = [];
  steps.push(...(await planTcpipRemoval(o)));
  steps.push(...(await planStackRemovals(o)));
  // The first backup of a target holds what was there before the run.
  const firstBackups = new Map<string, RecordedBackup>();
  for (const b of o.record.backups) if (!firstBackups.has(keyOf(b.target))) firstBackups.set(keyOf(b.target), b);
  for (const backup of firstBackups.values()) steps.push(await planRestore(o, backup));
  const leftAlone = leftAloneStep(o.record);
  if (leftAlone) steps.push(leftAlone);
  return steps;
}

/** What rollback does not undo, said plainly: job work and servers the run started. */
function leftAloneStep(record: RunRecordData): PlannedStep | undefined {
  const jobs = record.jobs.filter((j) => j.retcode !== null);
  const started = record.commands.filter((c) => /^S\s/i.test(c.command)).map((c) => `${c.command.slice(2).trim()} on ${c.system}`);
  if (jobs.length === 0 && started.length === 0) return undefined;
  const warnings: string[] = [];
  if (jobs.length > 0) warnings.push("RACF definitions, zFS aggregates and VSAM clusters made by the run's jobs are not removed by rollback; remove them by hand if they must go.");
  if (started.length > 0) warnings.push(`Servers the run started are left running (${started.join(", ")}); stop them with P when they must go.`);
  const observed = [
    jobs.length ? `jobs of run ${record.runId}: ${jobs.map((j) => `${j.jobname}(${j.jobid}) ${j.retcode}`).join(", ")}` : "",
    started.length ? `started: ${started.join(", ")}` : "",
  ].filter(Boolean);
  return {
    id: "rollback/left-alone",
    workflow: "rollback",
    title: "What rollback leaves in place",
    dependsOn: [],
    observed: observed.join("; "),
    changes: [],
    warnings,
    apply: async () => ({ state: "unchanged" }),
  };
}

async function planTcpipRemoval(o: RollbackPlanOptions): Promise<PlannedStep[]> {
  const t = o.topology;
  if (!t.zosmfHa) return [];
  const changed = o.record.outcomes.filter((x) => x.id.startsWith("zosmf-ha/tcpip/") && x.state === "changed").map((x) => x.system!);
  const systems = changed.filter((s) => obeyVariables(t, s).vipa);
  if (systems.length === 0) return [];
  const workflow = await loadWorkflow("zosmf-hot-standby", { workflowsDir: o.workflowsDir });
  const template = workflow.template(workflow.step("tcpip"), "remove");
  const delayMs = o.consoleDelayMs ?? 1000;
  const steps: PlannedStep[] = [];
  for (const system of systems) {
    const vars = obeyVariables(t, system);
    const proc = systemByName(t, system).tcpip.proc;
    const dsn = t.datasets.obey;
    const member = `HR${system.slice(0, 6)}`;
    const target = `${dsn}(${member})`;
    const text = renderTemplate(template, vars, { partials: workflow.partials });
    const current = await readMember(o.client, dsn, member);
    const stack = await readStack({ client: o.client, system, proc, delayMs });
    const remaining = inForce(stack.cfg, vars.vipa!.dvipa);
    const id = `rollback/tcpip/${system}`;
    const { syntaxCheck, obey } = obeyCommands(proc, target);
    const changes: Change[] = [];
    if (remaining.length > 0) {
      if (current.text === null || !sameRecords(current.text, text)) {
        changes.push({ kind: "member", dsn, member, action: current.text === null ? "create" : "update", diff: unifiedDiff(target, current.text, text) });
      }
      changes.push({ kind: "command", system, command: syntaxCheck, purpose: "check the removal without applying it" });
      changes.push({ kind: "command", system, command: obey, purpose: "remove the hot-standby distribution and the DVIPA from this stack" });
    }
    steps.push({
      id,
      workflow: "rollback",
      title: "Remove the hot-standby distribution and DVIPA",
      system,
      dependsOn: [],
      observed: remaining.length ? `stack ${proc} still has ${remaining.join(", ")}` : `stack ${proc} has no definition for ${vars.vipa!.dvipa}`,
      changes,
      apply: async (ctx) => {
        if (changes.length === 0) return { state: "unchanged" };
        if (current.text === null || !sameRecords(current.text, text)) {
          await safeWriteMember({ client: o.client, ctx, stepId: id, runToken: o.runToken, dsn, member, observed: current, text, backupDsn: t.datasets.backup });
        }
        const record = { ctx, stepId: id };
        await applyObeyMember({ client: o.client, system, proc, target, delayMs, record });
        const after = await readStack({ client: o.client, system, proc, delayMs, record });
        const still = inForce(after.cfg, vars.vipa!.dvipa);
        if (still.length > 0) {
          throw new HaError(`OBEYFILE of ${target} on ${system} completed, but ${still.join(", ")} is still in force.`, { failureClass: "zos-failure" });
        }
        return { state: "changed", notes: [`${vars.vipa!.dvipa} removed from ${system}; VIPADCFG confirms it`] };
      },
    });
  }
  return steps;
}

/** Systems whose `<prefix><system>` step the provision run changed: only those have something of ours to remove. */
function changedSystems(o: RollbackPlanOptions, prefix: string): string[] {
  return o.record.outcomes.filter((x) => x.id.startsWith(prefix) && x.state === "changed" && x.system).map((x) => x.system!);
}

/**
 * Port reservations and distributed services the run added: each through its workflow's
 * `remove` template, on the stacks whose step the run changed, confirmed from PORTLIST
 * and VIPADCFG.
 */
async function planStackRemovals(o: RollbackPlanOptions): Promise<PlannedStep[]> {
  const t = o.topology;
  const delayMs = o.consoleDelayMs ?? 1000;
  const steps: PlannedStep[] = [];
  const known = new Set(t.systems.map((s) => s.name));
  const ports = changedSystems(o, "ports/reserve/").filter((s) => known.has(s) && (t.portSharing ?? []).some((p) => p.system === s));
  if (ports.length > 0) {
    const workflow = await loadWorkflow(WORKFLOWS.portSharing, { workflowsDir: o.workflowsDir });
    for (const system of ports) steps.push(await planPortRemoval({ topology: t, client: o.client, workflow, system, runToken: o.runToken, delayMs }));
  }
  // A stack that is only a target got dynamic XCF and nothing else; that stays.
  const services = changedSystems(o, "services/distribute/").filter((s) => known.has(s) && hasServiceDefinitions({ topology: t, system: s }));
  if (services.length > 0) {
    const workflow = await loadWorkflow(WORKFLOWS.services, { workflowsDir: o.workflowsDir });
    for (const system of services) steps.push(await planServicesRemoval({ topology: t, client: o.client, workflow, system, runToken: o.runToken, delayMs }));
  }
  return steps;
}

function inForce(cfg: Awaited<ReturnType<typeof readStack>>["cfg"], dvipa: string): string[] {
  if (!cfg) return [];
  const found: string[] = [];
  if (cfg.defines.some((d) => d.address === dvipa)) found.push(`VIPADEFINE ${dvipa}`);
  if (cfg.backups.some((d) => d.address === dvipa)) found.push(`VIPABACKUP ${dvipa}`);
  if (cfg.distributes.some((d) => d.destAddress === dvipa)) found.push(`VIPADISTRIBUTE ${dvipa}`);
  return found;
}

/** The original bytes: from the record for members, from the copy on z/OS (checked by hash) for files. */
async function originalOf(o: RollbackPlanOptions, backup: RecordedBackup): Promise<string | null> {
  if (!backup.existed) return null;
  if (backup.original !== undefined) return backup.original;
  const copy = backup.zosCopy;
  const where = keyOf(backup.target);
  if (!copy) throw new HaError(`The run record has no copy of the original of ${where}; it cannot be restored.`, { failureClass: "invalid-input" });
  const read = copy.startsWith("/") ? await readUssFile(o.client, copy) : await readMember(o.client, copy.replace(/\(.*$/, ""), copy.replace(/^.*\(|\)$/g, ""));
  if (read.text === null || sha256(read.text) !== backup.originalSha256) {
    throw new HaError(`The backup copy ${copy} of ${where} is missing or no longer matches the run record; nothing is restored from it.`, { failureClass: "zos-failure" });
  }
  return read.text;
}

async function planRestore(o: RollbackPlanOptions, backup: RecordedBackup): Promise<PlannedStep> {
  const target = backup.target;
  const where = keyOf(target);
  const id = `rollback/restore/${where}`;
  const current: Observed = target.kind === "member" ? await readMember(o.client, target.dsn, target.member) : await readUssFile(o.client, target.path);
  const lastWrite = [...o.record.writes].reverse().find((w: WriteEntry) => keyOf(w.target) === where);
  // Someone else changed it when its ETag is no longer the one our write left behind.
  const changedSince = current.text === null || !lastWrite || (lastWrite.etagAfter !== null && current.etag !== null && current.etag !== lastWrite.etagAfter);
  const original = await originalOf(o, backup);
  const alreadyOriginal = original !== null && current.text !== null && current.text === original;
  const changes: Change[] = [];
  const warnings: string[] = [];
  if (original === null) {
    if (current.text !== null) {
      if (target.kind === "member") changes.push({ kind: "member", dsn: target.dsn, member: target.member, action: "update", diff: unifiedDiff(where, current.text, "") + "(member deleted)" });
      else warnings.push(`${where} was created by the run; files are not deleted by rollback.`);
    }
  } else if (!alreadyOriginal) {
    const diff = redactSecrets(unifiedDiff(where, current.text, original));
    if (target.kind === "member") changes.push({ kind: "member", dsn: target.dsn, member: target.member, action: current.text === null ? "create" : "update", diff });
    else changes.push({ kind: "uss-file", path: target.path, action: current.text === null ? "create" : "update", diff });
  }
  if (changes.length > 0 && changedSince) {
    warnings.push(`${where} changed after run ${o.record.runId}; ${o.force ? "--force: it is restored anyway, its current content backed up first" : "it is left alone unless --force is given"}.`);
  }
  return {
    id,
    workflow: "rollback",
    title: original === null ? "Delete what the run created" : "Restore the original",
    dependsOn: [],
    observed: `${where}: ${current.text === null ? "absent" : alreadyOriginal ? "already as before the run" : changedSince ? "changed since the run" : "as the run left it"}`,
    changes,
    warnings,
    apply: async (ctx) => {
      if (changes.length === 0) return { state: "unchanged", notes: warnings };
      if (changedSince && !o.force) {
        throw new HaError(`${where} was changed after run ${o.record.runId}; it was not restored. Give --force to restore it anyway.`, { failureClass: "zos-failure" });
      }
      if (original === null) {
        if (target.kind !== "member") return { state: "unchanged", notes: warnings };
        const latest = await readMember(o.client, target.dsn, target.member);
        if (!o.force && latest.etag !== current.etag) throw new HaError(`${where} changed while rolling back; it was not deleted.`, { failureClass: "zos-failure" });
        await ctx.record.backup({ stepId: id, target, original: latest.text, etag: latest.etag });
        await o.client.files.deleteMember(target.dsn, target.member);
        return { state: "changed", notes: [`${where} deleted`] };
      }
      if (target.kind === "member") {
        await safeWriteMember({ client: o.client, ctx, stepId: id, runToken: o.runToken, dsn: target.dsn, member: target.member, observed: current, text: original, backupDsn: o.topology.datasets.backup });
      } else {
        await safeWriteUss({ client: o.client, ctx, stepId: id, runToken: o.runToken, path: target.path, observed: current, text: original });
      }
      const back = target.kind === "member" ? await readMember(o.client, target.dsn, target.member) : await readUssFile(o.client, target.path);
      if (back.text !== original) {
        throw new HaError(`${where} was written but does not read back as the original`, { failureClass: "zos-failure" });
      }
      return { state: "changed", notes: [`${where} restored byte for byte`] };
    },
  };
}
