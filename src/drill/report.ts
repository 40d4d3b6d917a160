import { escapeXml, junitDocument } from "../report/junit";
import { formatDuration, renderTable } from "../report/table";
import type { DrillResult } from "./types";

const STATUS: Record<DrillResult["status"], string> = {
  planned: "Dry run: nothing was sent but displays and GETs. The drill would issue:",
  refused: "Refused before anything was stopped:",
  succeeded: "Drill passed.",
  failed: "Drill failed.",
  interrupted: "Drill interrupted.",
};

/** The report: one line per phase with its time and verdict, then what was sent and what to do. */
export function renderDrillText(r: DrillResult): string {
  const head = `Drill of ${r.target} in sysplex ${r.sysplex} (--method ${r.method})`;
  const table = renderTable(
    ["Phase", "Time", "Verdict", "Detail"],
    r.phases.map((p) => [p.title, p.timeMs === undefined ? "-" : formatDuration(p.timeMs), p.verdict, p.detail]),
  );
  const lines = [head, "", table, "", STATUS[r.status]];
  if (r.status === "planned" || r.status === "refused")
    lines.push(...(r.status === "planned" ? r.commands.map((c) => `  on ${c.system}: ${c.command} (${c.purpose})`) : []));
  lines.push(...r.reasons.map((x) => `  ${x}`));
  const restore = r.commands[1];
  if (r.restored === "confirmed" && restore) lines.push(`${restore.command} was confirmed on ${restore.system}.`);
  if (r.restored === "not-confirmed") lines.push("The restore was NOT confirmed.");
  if (r.restored === "not-needed" && r.status === "interrupted") lines.push("Nothing was stopped.");
  if (r.operatorAction?.length) {
    // An unconfirmed restore is the operator's to finish; moving traffic back under NOAUTOSWITCHBACK is a choice.
    const lead = r.restored === "not-confirmed" ? "The operator must run:" : "To move traffic back to the preferred instance, run:";
    lines.push(lead, ...r.operatorAction.map((a) => `  ${a}`));
  }
  return lines.join("\n");
}

/** One test case per phase, for CI systems that read JUnit. */
export function renderDrillJunit(r: DrillResult): string {
  const classname = escapeXml(`${r.sysplex}.drill.${r.target}`);
  const cases = r.phases.map((p) => {
    const open = `    <testcase name="${escapeXml(`${p.id}: ${p.title}`)}" classname="${classname}" time="${((p.timeMs ?? 0) / 1000).toFixed(3)}">`;
    if (p.verdict === "failed")
      return {
        xml: `${open}\n      <failure message="${escapeXml(p.detail)}" type="failed">${escapeXml(p.detail)}</failure>\n    </testcase>`,
        o: "failure" as const,
      };
    if (p.verdict === "not-reached")
      return { xml: `${open}\n      <skipped message="${escapeXml(p.detail)}"/>\n    </testcase>`, o: "skipped" as const };
    return { xml: `${open}\n      <system-out>${escapeXml(p.detail)}</system-out>\n    </testcase>`, o: "pass" as const };
  });
  return junitDocument(escapeXml(`zowe ha drill ${r.sysplex} ${r.target}`), (r.durationMs / 1000).toFixed(3), cases);
}
