import type { RunsList } from "../run/runs";
import { renderTable } from "./table";

/** The runs of a sysplex, newest first, one line each. */
export function renderRunsList(list: RunsList): string {
  const rows = list.runs.map((r) => [
    r.runId,
    r.command ?? r.kind,
    r.user ?? "-",
    [r.localUser, r.host].filter(Boolean).join("@") || "-",
    r.startedAt,
    r.status,
    String(r.changed),
    r.basedOn ?? "-",
    r.places.join("+"),
  ]);
  const lines: string[] = [];
  if (rows.length === 0) lines.push(`No runs of sysplex ${list.sysplex} are recorded in ${list.localDir} or ${list.zosLibrary}.`);
  else lines.push(renderTable(["run", "command", "z/OS user", "from", "started", "outcome", "changed", "based on", "record"], rows));
  if (list.zosProblem)
    lines.push(`The run records on z/OS (${list.zosLibrary}) could not be read: ${list.zosProblem}. Only this machine's runs are listed.`);
  return lines.join("\n");
}
