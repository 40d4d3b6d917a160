import type { Check, VerifyResult } from "../verify";
import { PLAIN, type Palette } from "./colour";
import { nextLines } from "./run-text";
import { formatDuration, renderTable } from "./table";
import { wrap, wrapSentence } from "./wrap";

const MARK: Record<Check["verdict"], string> = { healthy: "healthy", degraded: "DEGRADED", failed: "FAILED", "not-applicable": "n/a" };

const SYSPLEX_MARK = "-";

export interface VerifyTextOptions {
  /** Columns the text must fit; the table becomes one block per check when it would not. @default 80 */
  readonly width?: number;
  /** @default PLAIN (no colour) */
  readonly colour?: Palette;
  /** What to do when verify failed: shown last, under "Next:". */
  readonly next?: readonly string[];
}

/** The check table, the reasons for what is not healthy, and one summary line. */
export function renderVerifyResult(result: VerifyResult, options: VerifyTextOptions = {}): string {
  const width = Math.max(40, options.width ?? 80);
  const colour = options.colour ?? PLAIN;
  const lines = [checkTable(result.checks, width, colour)];
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
      const names = checks.map((c) => `${c.id} (${c.system ?? "sysplex"})`);
      const shown = names.length > 4 ? [...names.slice(0, 3), `${names.length - 3} more`] : names;
      lines.push(`  ${colour.state(mark!)} ${shown.join(", ")}: ${reason}`);
    }
  }
  const down = result.down ?? [];
  if (down.length > 0) {
    const na = result.summary.notApplicable;
    lines.push(
      "",
      `Down: ${down.map((d) => d.system).join(", ")}; ${na} check(s) of ${down.length === 1 ? "it" : "them"} not applicable while down`,
    );
  }
  if (result.unreadable.length > 0) {
    lines.push("", `Could not read: ${result.unreadable.map((s) => (s === null ? "the command's own connection" : s)).join(", ")}`);
  }
  // The summary breaks between words, never inside one.
  lines.push("", ...wrapSentence(`${summaryLine(result)} (${formatDuration(result.durationMs)})`, width));
  if (options.next?.length) lines.push("", ...nextLines(options.next));
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

/**
 * One row per check when that fits the width; otherwise one block per check with what was
 * expected and found wrapped under it, so nothing is cut and no line is longer than the width.
 */
function checkTable(checks: readonly Check[], width: number, colour: Palette): string {
  const rows = checks.map((c) => [c.id, c.system ?? SYSPLEX_MARK, c.expected, c.found, MARK[c.verdict]]);
  const headers = ["Check", "System", "Expected", "Found", "Verdict"];
  if (
    renderTable(headers, rows)
      .split("\n")
      .every((l) => l.length <= width)
  )
    return renderTable(headers, rows, (cell, i) => (i === 4 ? colour.state(cell) : cell));
  const out = [
    renderTable(
      ["Check", "System", "Verdict"],
      checks.map((c) => [c.id, c.system ?? SYSPLEX_MARK, MARK[c.verdict]]),
    )
      .split("\n")
      .slice(0, 2)
      .join("\n"),
  ];
  const idWidth = Math.max(5, ...checks.map((c) => c.id.length));
  const sysWidth = Math.max(6, ...checks.map((c) => (c.system ?? SYSPLEX_MARK).length));
  for (const c of checks) {
    out.push([c.id.padEnd(idWidth), (c.system ?? SYSPLEX_MARK).padEnd(sysWidth), colour.state(MARK[c.verdict])].join("  ").trimEnd());
    out.push(...labelled("expected", c.expected, width), ...labelled("found", c.found, width));
  }
  return out.join("\n");
}

const INDENT = "    ";

function labelled(label: string, text: string, width: number): string[] {
  const head = `${INDENT}${`${label}:`.padEnd(10)}`;
  return wrap(text, width - head.length).map((l, i) => (i === 0 ? head : " ".repeat(head.length)) + l);
}
