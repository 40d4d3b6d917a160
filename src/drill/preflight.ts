import type { VerifyResult } from "../verify";
import type { Sample } from "./observe";
import type { DrillTarget } from "./target";
import type { DrillPhase } from "./types";

/** The verify checks that speak of the drilled target. */
function aboutTarget(t: DrillTarget, id: string): boolean {
  if (t.name === "zosmf") return id === "tcpip.hotstandby" || id.startsWith("tcpip.vdpt.") || id === "zosmf.reachable.dvipa";
  return id.startsWith(`services.${t.name}.`);
}

/**
 * Why the drill must not start: verify could not read a system, a check of the target failed,
 * or the distributor's own table does not show the preferred instance receiving with a ready
 * standby behind it, or the DVIPA does not answer. Empty: healthy with a ready standby.
 */
export function refusalReasons(t: DrillTarget, v: VerifyResult, base: Sample): string[] {
  const reasons: string[] = [];
  if (v.unreadable.length > 0)
    reasons.push(`verify could not read ${v.unreadable.map((s) => s ?? "the command's own connection").join(", ")}`);
  for (const c of v.checks.filter((x) => aboutTarget(t, x.id) && x.verdict === "failed"))
    reasons.push(`${c.id}${c.system ? ` (${c.system})` : ""}: ${c.reason ?? c.found}`);
  const p = t.preferred.system;
  if (base.receiving === null) reasons.push(`the VDPT could not be read: ${base.note ?? "no answer"}`);
  else {
    if (!base.receiving.includes(p))
      reasons.push(`${p} is not receiving in the VDPT of ${t.distributor} (receiving: ${base.receiving.join(", ") || "none"})`);
    const standby = t.backups.filter((b) => base.ready.includes(b.system)).map((b) => b.system);
    if (standby.length === 0)
      reasons.push(
        `no standby is ready: none of ${t.backups.map((b) => b.system).join(", ")} has a ready listener (Rdy) in the VDPT of ${t.distributor}`,
      );
  }
  if (!base.answered) reasons.push(`the DVIPA ${t.dvipa}:${t.port} does not answer: ${base.note ?? ""}`.trim());
  return reasons;
}

export function preflightPhase(v: VerifyResult, reasons: readonly string[]): DrillPhase {
  const s = v.summary;
  const counts = `verify ${v.verdict}: ${s.healthy} healthy, ${s.degraded} degraded, ${s.failed} failed`;
  return reasons.length === 0
    ? { id: "preflight", title: "Healthy, with a ready standby", verdict: "passed", timeMs: v.durationMs, detail: counts }
    : {
        id: "preflight",
        title: "Healthy, with a ready standby",
        verdict: "failed",
        timeMs: v.durationMs,
        detail: `${counts}; ${reasons.join("; ")}`,
      };
}

export function finalVerifyPhase(v: VerifyResult): DrillPhase {
  const s = v.summary;
  const ok = v.unreadable.length === 0 && s.failed === 0;
  return {
    id: "final-verify",
    title: "Verify after the drill",
    verdict: ok ? "passed" : "failed",
    timeMs: v.durationMs,
    detail: `verify ${v.verdict}: ${s.healthy} healthy, ${s.degraded} degraded, ${s.failed} failed${v.unreadable.length ? `; could not read ${v.unreadable.map((x) => x ?? "own connection").join(", ")}` : ""}`,
  };
}
