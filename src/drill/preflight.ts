import type { Check, VerifyResult } from "../verify";
import type { Sample } from "./observe";
import type { DrillTarget } from "./target";
import { systemByName, type Topology } from "../topology";
import type { ZosmfConnection } from "../zosmf";
import type { DrillMethod, DrillPhase } from "./types";

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

/**
 * `--method stop` through the preferred system's own z/OSMF would stop the server the drill
 * talks to: it could neither watch the takeover nor start the server again. The hosts that
 * name that z/OSMF are the system's own hostname and its connection's host.
 */
export function ownServerReason(topology: Topology, t: DrillTarget, method: DrillMethod, connection: ZosmfConnection): string | undefined {
  if (method !== "stop" || t.name !== "zosmf") return undefined;
  const sys = systemByName(topology, t.preferred.system);
  const own = connection.hostname.toLowerCase();
  const hosts = [sys.hostname, sys.connection.host].filter((h): h is string => h !== undefined);
  if (!hosts.some((h) => h.toLowerCase() === own)) return undefined;
  return `the command's connection (${connection.hostname}) is ${sys.name}'s own z/OSMF, which --method stop would stop; connect through the DVIPA ${t.host} or another system's z/OSMF`;
}

const key = (c: Check) => `${c.id}\0${c.system ?? ""}`;

/**
 * Verify after the drill fails when a check of the target failed, or when a check that was not
 * failed before the drill is failed now: a sysplex with other known problems can still be drilled.
 */
export function finalVerifyPhase(t: DrillTarget, before: VerifyResult, after: VerifyResult): DrillPhase {
  const s = after.summary;
  const failedBefore = new Set(before.checks.filter((c) => c.verdict === "failed").map(key));
  const bad = after.checks.filter((c) => c.verdict === "failed" && (aboutTarget(t, c.id) || !failedBefore.has(key(c))));
  const problems = [
    ...(after.unreadable.length ? [`could not read ${after.unreadable.map((x) => x ?? "the command's own connection").join(", ")}`] : []),
    ...bad.map((c) => `${c.id}${c.system ? ` (${c.system})` : ""}: ${c.reason ?? c.found}`),
  ];
  const counts = `verify ${after.verdict}: ${s.healthy} healthy, ${s.degraded} degraded, ${s.failed} failed`;
  return {
    id: "final-verify",
    title: "Verify after the drill",
    verdict: problems.length === 0 ? "passed" : "failed",
    timeMs: after.durationMs,
    detail:
      problems.length === 0
        ? `${counts}; no check of ${t.name} failed and none failed that had not before`
        : `${counts}; ${problems.join("; ")}`,
  };
}
