import { fact, type ConfigFact, type ConfigFacts } from "./facts";

/*
 * What an IMS Connect configuration member (HWSCFGxx) says that the instances behind one
 * DVIPA must share: the ports it listens on (TCPIP PORTID=, PORT=(ID=), SSLPORTID=), the IMS
 * data stores it reaches (DATASTORE ID, GROUP, TMEMBER) and whether it checks users (HWS RACF=).
 * Each instance's own names (HWS ID=, DATASTORE MEMBER=, TCPIP HOSTNAME=) may differ and are
 * not compared. Statements are written `NAME (KEY=VALUE,...)` in 80-byte records whose last
 * eight columns are ignored, continued after a comma on the next record (IMS PROCLIB
 * reference, HWSCFGxx). A `*` in column 1 is taken as a comment line, as in other IMS PROCLIB
 * members (inferred; the reference names no comment form). Anything else is a problem.
 */

interface Statement {
  readonly name: string;
  readonly line: number;
  readonly params: ReadonlyMap<string, string>;
}

/** Splits `a,b=(c,d),e` at the commas outside parentheses; null when the parentheses do not balance. */
function splitTop(body: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return null;
    else if (c === "," && depth === 0) {
      parts.push(body.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (depth !== 0) return null;
  parts.push(body.slice(start).trim());
  return parts;
}

/** The index just after the `)` that closes the `(` before `open`; -1 when there is none. */
function closing(text: string, open: number): number {
  let depth = 1;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i + 1;
  }
  return -1;
}

/** The statements of the member with their first line; a string is the problem that stops the reading. */
function statements(text: string): Statement[] | string {
  let joined = "";
  const lineOf: number[] = [];
  let overflow: number | undefined;
  text.split(/\r?\n/).forEach((record, i) => {
    if (record.startsWith("*")) return;
    // Columns 73-80 are ignored by IMS Connect; anything there but a sequence number may be a parameter cut off.
    if (overflow === undefined && !/^[0-9 ]*$/.test(record.slice(72))) overflow = i + 1;
    const data = record.slice(0, 72).trimEnd();
    if (data.trim() === "") return;
    for (let k = 0; k <= data.trim().length; k++) lineOf.push(i + 1);
    joined += data.trim() + " ";
  });
  if (overflow !== undefined)
    return `line ${overflow}: text in columns 73-80, which IMS Connect ignores: ${text.split(/\r?\n/)[overflow - 1]!.slice(72).trim()}`;
  const out: Statement[] = [];
  let at = 0;
  while (at < joined.length) {
    const rest = joined.slice(at);
    const lead = /^\s*/.exec(rest)![0].length;
    if (lead === rest.length) break;
    const head = /^([A-Z]+)\s*\(/.exec(rest.slice(lead));
    if (head === null)
      return `line ${lineOf[at + lead] ?? "?"}: ${rest.slice(lead, lead + 30).trim()} is not a statement NAME (KEY=VALUE,...)`;
    const open = at + lead + head[0].length;
    const end = closing(joined, open);
    if (end < 0) return `line ${lineOf[at + lead]}: ${head[1]} statement has a ( without its )`;
    const parts = splitTop(joined.slice(open, end - 1).replace(/,\s+/g, ","));
    const params = new Map<string, string>();
    for (const part of parts ?? []) {
      const m = /^([A-Z0-9]+)\s*=\s*(\S.*)$/.exec(part);
      if (m === null || params.has(m[1]!)) return `line ${lineOf[at + lead]}: ${head[1]} has "${part}", not KEY=VALUE once per key`;
      params.set(m[1]!, m[2]!.trim());
    }
    out.push({ name: head[1]!, line: lineOf[at + lead]!, params });
    at = end;
  }
  return out;
}

/** `(9999,LOCAL)`, `9999` → the items; PORT=(ID=5801,KEEPAV=5) → its ID. */
function items(value: string): string[] {
  const inner = value.startsWith("(") && value.endsWith(")") ? value.slice(1, -1) : value;
  return (splitTop(inner) ?? [inner]).filter((x) => x !== "");
}

function portFacts(tcpip: Statement | undefined): ConfigFact[] | string {
  if (tcpip === undefined) return [];
  const out: ConfigFact[] = [];
  for (const [key, value] of tcpip.params) {
    if (key !== "PORTID" && key !== "SSLPORTID" && key !== "PORT") continue;
    const list =
      key === "PORT"
        ? items(value)
            .map((x) => /^ID=(.+)$/.exec(x)?.[1])
            .filter((x) => x !== undefined)
        : items(value);
    for (const port of list) {
      if (port === "LOCAL") out.push(fact("TCPIP.LOCAL", "offers", "the IMS Connect LOCAL option"));
      else if (/^[0-9]{1,5}$/.test(port))
        out.push(
          fact(
            `TCPIP.${key === "SSLPORTID" ? "SSL" : ""}PORT=${Number(port)}`,
            "listens",
            `on ${key === "SSLPORTID" ? "SSL " : ""}port ${Number(port)}`,
          ),
        );
      else return `line ${tcpip.line}: TCPIP ${key}=${value} names "${port}", neither a port number nor LOCAL`;
    }
  }
  return out;
}

export function readHwscfg(text: string): ConfigFacts {
  const all = statements(text);
  if (typeof all === "string") return { ok: false, problems: [all] };
  const hws = all.filter((s) => s.name === "HWS");
  const tcpip = all.filter((s) => s.name === "TCPIP");
  if (hws.length !== 1)
    return {
      ok: false,
      problems: [
        `${hws.length === 0 ? "no HWS statement" : `HWS statement ${hws.length} times (lines ${hws.map((s) => s.line).join(", ")})`}; IMS Connect needs exactly one`,
      ],
    };
  if (tcpip.length > 1)
    return { ok: false, problems: [`TCPIP statement ${tcpip.length} times (lines ${tcpip.map((s) => s.line).join(", ")})`] };
  const ports = portFacts(tcpip[0]);
  if (typeof ports === "string") return { ok: false, problems: [ports] };
  const facts: ConfigFact[] = [
    fact(`HWS.RACF=${hws[0]!.params.get("RACF") ?? "N"}`, "has", `RACF=${hws[0]!.params.get("RACF") ?? "N"}`),
    ...ports,
  ];
  for (const ds of all.filter((s) => s.name === "DATASTORE")) {
    const [id, group, tmember] = ["ID", "GROUP", "TMEMBER"].map((k) => ds.params.get(k));
    if (!id || !group || !tmember) return { ok: false, problems: [`line ${ds.line}: DATASTORE without ID, GROUP and TMEMBER`] };
    facts.push(
      fact(`DATASTORE=${id} GROUP=${group} TMEMBER=${tmember}`, "reaches", `data store ${id} (GROUP=${group}, TMEMBER=${tmember})`),
    );
  }
  return { ok: true, facts };
}
