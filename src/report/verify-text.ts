import type { Check, VerifyResult } from "../verify";
import { formatDuration, renderTable } from "./table";

const MARK: Record<Check["verdict"], string> = { healthy: "healthy", degraded: "DEGRADED", failed: "FAILED", "not-applicable": "n/a" };

/** The check table, the reasons for what is not healthy, and one summary line. */
export function renderVerifyResult(result: VerifyResult): string {
  const rows = result.checks.map((c) => [c.id, c.system, c.expected, c.found, MARK[c.verdict]]);
  const lines = [renderTable(["Check", "System", "Expected", "Found", "Verdict"], rows)];
  const notHealthy = result.checks.filter((c) => c.verdict !== "healthy" && c.verdict !== "not-applicable");
  if (notHealthy.length > 0) {
    lines.push("", "Reasons:");
    // One unreadable system fails many checks for the same reason: say it once, naming them all.
    const byReason = new Map<string, Check[]>();
    for (const c of notHealthy) {
      const key = `${MARK[c.verdict]}\u0000${c.reason ?? c.found}`;
      byReason.set(key, [...(byReason.get(key) ?? []), c]);
    }
    for (const [key, checks] of byReason) {
      const [mark, reason] = key.split("\u0000");
      const names = checks.map((c) => `${c.id} (${c.system})`);
      const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
      lines.push(`  ${mark} ${shown.join(", ")}: ${reason}`);
    }
  }
  const down = result.down ?? [];
  if (down.length > 0) {
    const na = result.summary.notApplicable;
    lines.push("", `Down: ${down.map((d) => d.system).join(", ")}; ${na} check(s) of ${down.length === 1 ? "it" : "them"} not applicable while down`);
  }
  if (result.unreadable.length > 0) {
    lines.push("", `Could not read: ${result.unreadable.map((s) => (s === "-" ? "the command's own connection" : s)).join(", ")}`);
  }
  lines.push("", `${summaryLine(result)} (${formatDuration(result.durationMs)})`);
  return lines.join("\n");
}

/** `Verify PLEX1: 14 healthy, 1 degraded, 0 failed — hot standby degraded: <why>` */
export function summaryLine(result: VerifyResult): string {
  const { healthy, degraded, failed } = result.summary;
  const na = result.summary.notApplicable ?? 0;
  const head = `Verify ${result.sysplex}: ${healthy} healthy, ${degraded} degraded, ${failed} failed${na > 0 ? `, ${na} not applicable` : ""}`;
  const hs = result.checks.find((c) => c.id === "tcpip.hotstandby");
  if (hs === undefined) return head;
  return `${head} — hot standby ${hs.verdict}: ${hs.verdict === "healthy" ? hs.found : (hs.reason ?? hs.found)}`;
}
