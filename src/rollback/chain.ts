import type { RunHistory } from "../engine/run-history";
import type { RunRecordData } from "../engine/run-record";
import { HaError } from "../errors";

/**
 * A resumed run starts from where a failed one stopped: the originals of what the failed
 * run changed are in its record, not in the resuming one. So the runs linked by `basedOn`
 * are loaded, oldest first, and undone together.
 */
export async function loadChain(newest: RunRecordData, history: RunHistory): Promise<RunRecordData[]> {
  const chain = [newest];
  const seen = new Set([newest.runId]);
  let current = newest;
  while (current.basedOn) {
    const id = current.basedOn;
    // A hand-edited record could point back at itself; stop rather than loop.
    if (seen.has(id)) break;
    const file = history.fileOf(id);
    if (!history.has(id)) {
      throw new HaError(
        `Run ${current.runId} resumed run ${id}, whose record ${file} is missing; without it the originals cannot all be restored, so nothing is rolled back.`,
        {
          failureClass: "invalid-input",
        },
      );
    }
    const earlier = await history.read(file);
    if (earlier.kind !== "provision")
      throw new HaError(`${file} is a ${earlier.kind} record, not the provision run ${current.runId} resumed`, {
        failureClass: "invalid-input",
      });
    seen.add(id);
    chain.unshift(earlier);
    current = earlier;
  }
  return chain;
}

/**
 * The run that resumed `record`, and the one that resumed that, to the end. Run ids sort
 * by the second they started in, so a failed run and its resume in the same second may
 * sort either way; a run that names another in `basedOn` is the later of the two whatever
 * the order of their ids. Dry runs (planned) changed nothing and are not followed.
 */
export async function lastResumer(record: RunRecordData, history: RunHistory): Promise<RunRecordData> {
  const runs = await history.all("provision");
  const seen = new Set([record.runId]);
  let current = record;
  for (;;) {
    const next = runs.filter((r) => r.basedOn === current.runId && r.status !== "planned" && !seen.has(r.runId)).at(-1);
    if (!next) return current;
    seen.add(next.runId);
    current = next;
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
