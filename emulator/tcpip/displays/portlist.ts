/** NETSTAT PORTLIST (§5.8): the stack's port reservations with their flag letters. */
import type { TcpipStack } from "../../state";
import { PORTLIST_COLUMNS as C, PORTLIST_FLAGS } from "../forms";
import type { Report } from "./frame";

function columns(cells: [number, string][]): string {
  let line = "";
  for (const [at, text] of cells) line = line.padEnd(at) + text;
  return line.trimEnd();
}

export function portlistReport(stack: TcpipStack, opts: { port?: number }): Report {
  const records = stack.ports
    .filter((p) => opts.port === undefined || p.port === opts.port)
    .sort((a, b) => a.port - b.port)
    .map((p) => [
      columns([
        [0, String(p.port).padStart(5, "0")],
        [C.prot, p.protocol],
        [C.user, p.jobName],
        [
          C.flags,
          PORTLIST_FLAGS.filter((f) => f.applies(p))
            .map((f) => f.letter)
            .join(""),
        ],
        [C.ip, p.bind ?? ""],
        [C.saf, p.saf ?? ""],
      ]),
    ]);
  const header = columns([
    [0, "PORT#"],
    [C.prot, "PROT"],
    [C.user, "USER"],
    [C.flags, "FLAGS"],
    [C.range, "RANGE"],
    [C.ip, "IP ADDRESS"],
    [C.saf, "SAF NAME"],
  ]);
  const rule = columns([
    [0, "-----"],
    [C.prot, "----"],
    [C.user, "----"],
    [C.flags, "-----"],
    [C.range, "-----"],
    [C.ip, "----------"],
    [C.saf, "--------"],
  ]);
  return { heading: [header, rule], records, countRecords: true };
}
