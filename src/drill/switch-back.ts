import { moveBackCommands, operatorForm } from "./commands";
import type { Observer } from "./observe";
import type { DrillTarget } from "./target";
import { servedBy, stayedOnBackup, switchedBack, tookOver } from "./timing";
import type { DrillPhase } from "./types";
import { watch } from "./watch";

export interface SwitchBack {
  readonly phase: DrillPhase;
  /** Under NOAUTOSWITCHBACK: what moves traffic back to the preferred instance. */
  readonly operatorAction?: readonly string[];
}

const TITLE = "Traffic back on the preferred instance";

/**
 * After the restore: AUTOSWITCHBACK (and every method but HOTSTANDBY) sends new connections to
 * the preferred instance again, timed from the restore; NOAUTOSWITCHBACK keeps them on the
 * backup, which is what it is for: the phase passes once the preferred instance is ready again.
 */
export async function measureSwitchBack(
  observer: Observer,
  t: DrillTarget,
  o: { readonly startedAt: number; readonly timeoutMs: number; readonly intervalMs: number; readonly signal?: AbortSignal },
): Promise<SwitchBack> {
  const stays = t.hotStandby && !t.autoSwitchBack;
  const title = stays ? "Traffic stays on the backup (NOAUTOSWITCHBACK)" : TITLE;
  const w = await watch(observer, { ...o, until: (s) => switchedBack(s, t) || (stays && stayedOnBackup(s, t)) });
  const last = w.samples[w.samples.length - 1];
  if (!w.done) {
    const why = w.interrupted ? "interrupted before it was seen" : `not seen within ${o.timeoutMs} ms`;
    const now = last?.receiving ? `receiving: ${last.receiving.join(", ") || "none"}` : (last?.note ?? "");
    return { phase: { id: "switch-back", title, verdict: w.interrupted ? "not-reached" : "failed", detail: `${why}; ${now}` } };
  }
  if (stays && tookOver(last!, t)) {
    const by = servedBy(last!) ?? last!.receiving?.[0];
    const serving = t.backups.find((b) => b.system === by);
    // Not a backup of the topology (or nobody named): the drill cannot say what moves traffic back.
    if (serving === undefined)
      return {
        phase: {
          id: "switch-back",
          title,
          verdict: "failed",
          detail: `traffic stayed off ${t.preferred.system}, served by ${by ?? "no system the drill could name"}, which is not a backup of ${t.name} in the topology`,
        },
      };
    const action = moveBackCommands(t, serving).map(operatorForm);
    const detail = `${t.preferred.system} is ready again and traffic stayed on ${serving.system}, as NOAUTOSWITCHBACK intends; to move it back run: ${action.join(", then ")}`;
    return { phase: { id: "switch-back", title, verdict: "passed", timeMs: last!.at, detail }, operatorAction: action };
  }
  return {
    phase: {
      id: "switch-back",
      title: TITLE,
      verdict: "passed",
      timeMs: last!.at,
      detail: `${t.preferred.system} receiving again and the DVIPA answers`,
    },
  };
}
