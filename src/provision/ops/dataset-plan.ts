import { fingerprintOf } from "../../engine/fingerprint";
import type { ApplyContext, Change, DatasetAttributes, PlannedStep, StepResult } from "../../engine/types";
import { HaError } from "../../errors";
import type { Topology } from "../../topology";
import type { ZosmfClient } from "../../zosmf";
import {
  BACKUP_LIBRARY,
  CARD_LIBRARY,
  OBEY_LIBRARY,
  backupLibraryAttributes,
  describeAttributes,
  inspectDataset,
  libraryMisfits,
  obeyLibraryAttributes,
  recordRoom,
  type DatasetInfo,
  type LibraryRule,
} from "./dataset-check";

/** A library the plan writes into, and what it must be. */
interface Library {
  readonly dsn: string;
  readonly rule: LibraryRule;
  /** Attributes to create it with when missing; absent = it must exist already. */
  readonly create?: DatasetAttributes;
  readonly purpose: string;
}

export interface DatasetPlan {
  /** Steps that create missing libraries first, then the given steps, depending on them where they write into them. */
  readonly steps: PlannedStep[];
  /** Everything that keeps the plan from being applied, one line each. */
  readonly problems: string[];
}

/**
 * The libraries every member change writes into, and the backup library every member
 * update keeps its original in (and every new member is staged in, so that it is created
 * only if still absent: see safe-write.ts), checked before anything changes: a missing obey or backup
 * library becomes a `dataset` change of its own (shown with its attributes, created before
 * any member is written into it); a missing PARMLIB or PROCLIB, a library of unfitting
 * attributes, or a record longer than its library holds is a problem of the plan.
 */
export async function planDatasets(o: { topology: Topology; client: ZosmfClient; steps: readonly PlannedStep[] }): Promise<DatasetPlan> {
  const libraries = librariesOf(o.topology);
  const byDsn = new Map<string, Library>();
  const writers = new Map<string, Set<string>>();
  const need = (dsn: string, stepId: string) => {
    const key = dsn.toUpperCase();
    if (!writers.has(key)) writers.set(key, new Set());
    writers.get(key)!.add(stepId);
  };
  const members: { stepId: string; change: Extract<Change, { kind: "member" }> }[] = [];
  for (const step of o.steps) {
    for (const change of step.changes) {
      if (change.kind !== "member" || change.action === "delete") continue;
      members.push({ stepId: step.id, change });
      need(change.dsn, step.id);
      // An update keeps the original in the backup library first; a new member is staged there.
      need(o.topology.datasets.backup, step.id);
    }
  }
  for (const dsn of writers.keys()) {
    byDsn.set(dsn, libraries.get(dsn) ?? { dsn, rule: { field: `the library of ${dsn}`, ...CARD_LIBRARY }, purpose: "" });
  }

  const problems: string[] = [];
  const infos = new Map<string, DatasetInfo | null>();
  await Promise.all([...byDsn.keys()].map(async (dsn) => infos.set(dsn, await inspectDataset(o.client, dsn))));

  const created: PlannedStep[] = [];
  const creator = new Map<string, string>();
  for (const [dsn, lib] of byDsn) {
    const info = infos.get(dsn) ?? null;
    if (info) {
      problems.push(...libraryMisfits(info, lib.rule));
      continue;
    }
    if (!lib.create) {
      problems.push(
        `${dsn} (${lib.rule.field}) does not exist; the plan writes members into it and does not create it: create it or correct ${lib.rule.field}.`,
      );
      continue;
    }
    const step = datasetStep(o.client, lib, lib.create);
    created.push(step);
    creator.set(dsn, step.id);
  }
  problems.push(...recordProblems(members, byDsn, infos, o.topology.datasets.backup));

  const steps = o.steps.map((step) => {
    const extra = [...creator].filter(([dsn]) => writers.get(dsn)?.has(step.id)).map(([, id]) => id);
    return extra.length ? { ...step, dependsOn: [...step.dependsOn, ...extra] } : step;
  });
  return { steps: [...created, ...steps], problems };
}

/**
 * Starts the looks at the libraries the plan may write into, so that they go out with the
 * steps' own reads (a plan-time read cache answers planDatasets from them). Only GETs; a
 * failure is left for planDatasets to report.
 */
export function readAheadLibraries(t: Topology, client: ZosmfClient): void {
  for (const dsn of librariesOf(t).keys()) void inspectDataset(client, dsn).catch(() => undefined);
}

function librariesOf(t: Topology): Map<string, Library> {
  const d = t.datasets;
  const list: Library[] = [
    { dsn: d.parmlib, rule: { field: "datasets.parmlib", ...CARD_LIBRARY }, purpose: "" },
    { dsn: d.proclib, rule: { field: "datasets.proclib", ...CARD_LIBRARY }, purpose: "" },
    ...(d.jclLib ? [{ dsn: d.jclLib, rule: { field: "datasets.jclLib", ...CARD_LIBRARY }, purpose: "" }] : []),
    {
      dsn: d.obey,
      rule: { field: "datasets.obey", ...OBEY_LIBRARY },
      create: obeyLibraryAttributes(d.volume),
      purpose: "the obey library: the TCP/IP members go here",
    },
    {
      dsn: d.backup,
      rule: { field: "datasets.backup", ...BACKUP_LIBRARY },
      create: backupLibraryAttributes(d.volume),
      purpose: "the backup library: the original of every member the run changes is copied here first",
    },
  ];
  const map = new Map<string, Library>();
  for (const lib of list) if (!map.has(lib.dsn.toUpperCase())) map.set(lib.dsn.toUpperCase(), lib);
  return map;
}

/**
 * Records that would not fit: a planned line longer than the library's records, or an
 * original line longer than the backup library's. The lines come from the change's diff
 * (added lines are new, removed and context lines are the original); a masked secret may
 * make a line look shorter, and the write itself still checks the whole text.
 */
function recordProblems(
  members: readonly { stepId: string; change: Extract<Change, { kind: "member" }> }[],
  libs: ReadonlyMap<string, Library>,
  infos: ReadonlyMap<string, DatasetInfo | null>,
  backupDsn: string,
): string[] {
  const problems: string[] = [];
  const roomOf = (dsn: string): number | undefined => {
    const info = infos.get(dsn.toUpperCase());
    if (info) return recordRoom(info);
    const create = libs.get(dsn.toUpperCase())?.create;
    return create ? recordRoom(create) : undefined;
  };
  for (const { stepId, change } of members) {
    const where = `${change.dsn}(${change.member})`;
    const added: string[] = [];
    const original: string[] = [];
    for (const line of change.diff.split("\n")) {
      if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("@@") || line.startsWith("\\")) continue;
      if (line.startsWith("+")) added.push(line.slice(1));
      else if (line.startsWith("-") || line.startsWith(" ")) original.push(line.slice(1));
    }
    const room = roomOf(change.dsn);
    const long = room === undefined ? -1 : added.findIndex((l) => l.trimEnd().length > room);
    if (long >= 0)
      problems.push(`${stepId}: a planned line of ${where} is ${added[long]!.trimEnd().length} columns long; ${change.dsn} holds ${room}.`);
    if (change.action !== "update") continue;
    const backupRoom = roomOf(backupDsn);
    const longOriginal = backupRoom === undefined ? -1 : original.findIndex((l) => l.trimEnd().length > backupRoom);
    if (longOriginal >= 0) {
      problems.push(
        `${stepId}: a line of the current ${where} is ${original[longOriginal]!.trimEnd().length} columns long; the backup library ${backupDsn} holds ${backupRoom}, so the original could not be kept.`,
      );
    }
  }
  return problems;
}

/** Creates one library the plan needs, unless someone created a fitting one since the plan. */
function datasetStep(client: ZosmfClient, lib: Library, attributes: DatasetAttributes): PlannedStep {
  const id = `datasets/${lib.rule.field.replace(/^datasets\./, "")}`;
  const change: Change = { kind: "dataset", dsn: lib.dsn, action: "create", attributes, purpose: lib.purpose };
  return {
    id,
    workflow: "datasets",
    title: `Create ${lib.dsn}`,
    dependsOn: [],
    observed: `${lib.dsn} (${lib.rule.field}) does not exist`,
    changes: [change],
    fingerprint: fingerprintOf(id, { dsn: lib.dsn, attributes: { ...attributes } }),
    apply: async (ctx: ApplyContext): Promise<StepResult> => {
      const now = await inspectDataset(client, lib.dsn);
      if (now) {
        const misfits = libraryMisfits(now, lib.rule);
        if (misfits.length)
          throw new HaError(
            `${lib.dsn} was created by someone else after the plan was made, with other attributes; nothing was written to it.`,
            { failureClass: "zos-failure", details: misfits },
          );
        return { state: "unchanged", notes: [`${lib.dsn} was created by someone else since the plan; it fits and is used as it is`] };
      }
      ctx.progress(`creating ${lib.dsn}`);
      try {
        await client.files.createDataset(lib.dsn, attributes);
      } catch (err) {
        // The request went out: with its answer lost it may have created the data set.
        ctx.sent?.note({ stepId: id, kind: "dataset", what: `data set ${lib.dsn}: create sent, no success answer` });
        throw err;
      }
      await ctx.record.dataset?.({ stepId: id, dsn: lib.dsn, attributes });
      return { state: "changed", notes: [`${lib.dsn} created: ${describeAttributes(attributes)}`] };
    },
  };
}
