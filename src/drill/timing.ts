import { formatDuration } from "../report/table";
import type { Sample } from "./observe";
import type { DrillTarget } from "./target";
import type { DrillPhase } from "./types";

/*
 * What a series of looks says: when the backup took over, when the DVIPA answered from it,
 * the longest time nothing answered, and whether traffic came back. Every time is measured
 * from the start of its phase and is as fine as the poll interval: a change is seen at the
 * first look after it happened.
 */

const backupNames = (t: DrillTarget) => t.backups.map((b) => b.system);

/** The system that served a look: the one the answer names, else the one Active target. */
export function servedBy(s: Sample): string | undefined {
  return s.answeredBy ?? (s.receiving?.length === 1 ? s.receiving[0] : undefined);
}

/** The distributor sends new connections to a backup and no longer to the preferred instance. */
export function tookOver(s: Sample, t: DrillTarget): boolean {
  const r = s.receiving;
  return r !== null && !r.includes(t.preferred.system) && r.some((n) => backupNames(t).includes(n));
}

/** The DVIPA answered, and from a backup (by the answer itself, or by the VDPT of the same look). */
export function answeredFromBackup(s: Sample, t: DrillTarget): boolean {
  if (!s.answered) return false;
  const by = servedBy(s);
  return by !== undefined ? backupNames(t).includes(by) : tookOver(s, t);
}

/** The preferred instance receives again (the switch-back). */
export function switchedBack(s: Sample, t: DrillTarget): boolean {
  return s.receiving !== null && s.receiving.includes(t.preferred.system) && s.answered;
}

/** NOAUTOSWITCHBACK as intended: the preferred instance is ready again, a backup keeps receiving. */
export function stayedOnBackup(s: Sample, t: DrillTarget): boolean {
  return s.ready.includes(t.preferred.system) && tookOver(s, t) && s.answered;
}

export interface Outage {
  readonly fromMs: number;
  /** The first look that answered again; undefined when nothing answered up to the last look. */
  readonly toMs?: number;
  readonly durationMs: number;
}

/** The longest run of looks that got no answer: from the first such look to the next that answered (or the last look). */
export function longestOutage(samples: readonly Sample[]): Outage | undefined {
  let best: Outage | undefined;
  let from: number | undefined;
  const consider = (o: Outage) => {
    if (best === undefined || o.durationMs > best.durationMs) best = o;
  };
  for (const s of samples) {
    if (!s.answered) from ??= s.at;
    else if (from !== undefined) {
      consider({ fromMs: from, toMs: s.at, durationMs: s.at - from });
      from = undefined;
    }
  }
  if (from !== undefined) consider({ fromMs: from, durationMs: samples[samples.length - 1]!.at - from });
  return best;
}

const firstAt = (samples: readonly Sample[], test: (s: Sample) => boolean) => samples.find(test)?.at;

/** The takeover, answer and outage lines of the report from the looks after the failing command. */
export function takeoverPhases(samples: readonly Sample[], t: DrillTarget, timeoutMs: number, cutShort: string | undefined): DrillPhase[] {
  const takeover = firstAt(samples, (s) => tookOver(s, t));
  const answer = firstAt(samples, (s) => answeredFromBackup(s, t));
  const last = samples[samples.length - 1];
  const notSeen = cutShort ?? `not seen within ${formatDuration(timeoutMs)}`;
  const why = last?.note ? `; last look: ${last.note}` : "";
  const receivingNow =
    last?.receiving === null || last === undefined ? "the VDPT could not be read" : `receiving: ${last.receiving.join(", ") || "none"}`;
  const phases: DrillPhase[] = [
    takeover !== undefined
      ? {
          id: "takeover",
          title: "Backup receives in the VDPT",
          verdict: "passed",
          timeMs: takeover,
          detail: `${describeReceiving(samples, takeover)} in the VDPT of ${t.distributor}`,
        }
      : { id: "takeover", title: "Backup receives in the VDPT", verdict: "failed", detail: `${notSeen} (${receivingNow})${why}` },
    answer !== undefined
      ? {
          id: "answer",
          title: `DVIPA ${t.dvipa}:${t.port} answers from a backup`,
          verdict: "passed",
          timeMs: answer,
          detail: `answered by ${servedBy(samples.find((s) => s.at === answer)!) ?? "a backup"}`,
        }
      : { id: "answer", title: `DVIPA ${t.dvipa}:${t.port} answers from a backup`, verdict: "failed", detail: `${notSeen}${why}` },
  ];
  const outage = longestOutage(samples);
  phases.push({
    id: "outage",
    title: "Longest time nothing answered",
    verdict: outage === undefined || outage.toMs !== undefined ? "passed" : "failed",
    timeMs: outage?.durationMs ?? 0,
    detail:
      outage === undefined
        ? `${samples.length === 1 ? "the one look" : `all ${samples.length} looks`} answered`
        : outage.toMs === undefined
          ? `nothing answered from ${formatDuration(outage.fromMs)} to the last look`
          : `from ${formatDuration(outage.fromMs)} to ${formatDuration(outage.toMs)} after the failing command`,
  });
  return phases;
}

function describeReceiving(samples: readonly Sample[], at: number): string {
  const s = samples.find((x) => x.at === at);
  return `${(s?.receiving ?? []).join(", ")} receiving`;
}
