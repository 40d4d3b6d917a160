import type { RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";
import type { RunEntry } from "../runs/run-entry";

/** Where the runs of a sysplex are found: their list entries, and each full record on demand. */
export interface RunSource {
  readonly runs: readonly RunEntry[];
  read(runId: string): Promise<RunRecordData>;
  /** Where records were looked for, for messages. */
  readonly places: string;
}

/**
 * The runs a rollback of `chosen` undoes, oldest first: the run the resumes started from
 * (followed back through `basedOn`) and every run that resumed it or one of its resumes.
 * A resume starts from where an earlier run stopped, so the originals of what that run
 * changed are in its record; and a second `--resume` after a successful one still names
 * the first failed run, so the family is a tree, not a line. Dry runs changed nothing and
 * are left out.
 */
export async function loadResumeFamily(chosen: RunEntry, source: RunSource): Promise<RunRecordData[]> {
  const provisions = source.runs.filter((r) => r.kind === "provision" && r.status !== "planned");
  const byId = new Map(provisions.map((r) => [r.runId, r]));
  let root = chosen;
  const seen = new Set([root.runId]);
  while (root.basedOn) {
    const id = root.basedOn;
    // A hand-edited record could point back at itself; stop rather than loop.
    if (seen.has(id)) break;
    const earlier = byId.get(id);
    if (!earlier) {
      const other = source.runs.find((r) => r.runId === id);
      if (other)
        throw new HaError(`Run ${id} is a ${other.kind} record, not the provision run ${root.runId} resumed`, {
          failureClass: "invalid-input",
        });
      throw new HaError(
        `Run ${root.runId} resumed run ${id}, whose record is in neither ${source.places}; without it the originals cannot all be restored, so nothing is rolled back.`,
        { failureClass: "invalid-input" },
      );
    }
    seen.add(id);
    root = earlier;
  }
  const family = new Set([root.runId]);
  // Parents start before their resumes, so one pass in start order finds every descendant.
  const inOrder = [...provisions].sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0));
  for (const r of inOrder) if (r.basedOn && family.has(r.basedOn)) family.add(r.runId);
  const members = [root, ...inOrder.filter((r) => r.runId !== root.runId && family.has(r.runId))];
  return Promise.all(members.map((r) => readMember(r, members, source)));
}

/** A family's record; one that is listed but cannot be read stops the rollback as a missing one does. */
async function readMember(run: RunEntry, family: readonly RunEntry[], source: RunSource): Promise<RunRecordData> {
  try {
    return await source.read(run.runId);
  } catch (err) {
    const resumer = family.find((r) => r.basedOn === run.runId);
    if (!resumer) throw err;
    throw new HaError(
      `Run ${resumer.runId} resumed run ${run.runId}, whose record could not be read (${(err as Error).message}); without it the originals cannot all be restored, so nothing is rolled back.`,
      { failureClass: "invalid-input" },
    );
  }
}

/**
 * One record for the whole chain, oldest entries first: the first backup of a target is
 * then the original from before any of the runs, and the last write of a target is what
 * the plug-in left there. Steps, jobs and commands of every run count.
 */
export function mergeChain(chain: readonly RunRecordData[]): RunRecordData {
  const newest = chain[chain.length - 1];
  if (!newest) throw new HaError("No run to roll back", { failureClass: "invalid-input" });
  if (chain.length === 1) return newest;
  return {
    ...newest,
    outcomes: chain.flatMap((r) => r.outcomes),
    backups: chain.flatMap((r) => r.backups),
    writes: chain.flatMap((r) => r.writes),
    jobs: chain.flatMap((r) => r.jobs),
    commands: chain.flatMap((r) => r.commands),
    datasets: chain.flatMap((r) => r.datasets ?? []),
  };
}
