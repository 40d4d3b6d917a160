/**
 * IEASYSxx as the system reads it at IPL (facts §10.4; DOC: MVS Initialization and Tuning
 * Reference, "IEASYSxx"): IEASYS00 is read automatically, then the members LOADxx SYSPARM
 * names, a later member's parameter overriding an earlier one's. Within a member:
 *   - columns 1–71 hold data, 72–80 are ignored (sequence numbers);
 *   - parameters are KEYWORD=value (or a bare KEYWORD), separated by commas; a value may be a
 *     parenthesised list whose commas do not separate parameters;
 *   - a record whose parameters end in a comma continues on the next record;
 *   - the parameters of a record end at the first blank; what follows is a comment
 *     (INF: IBM's IEASYS00 sample is written so), and a record whose data starts with `/*`
 *     is a comment record (INF);
 *   - the list ends with the first record that does not end in a comma; later records are
 *     not read (INF).
 */
import { findInConcatenation } from "../tcpip/records";
import type { EmulatorState } from "../state";
import { splitOperands } from "./operands";

export interface IeasysReading {
  /** KEYWORD → value, upper case, parentheses kept (`OMVS=(00,SA)` → "(00,SA)"). */
  values: Record<string, string>;
  /** What the reader reported, in order. */
  messages: string[];
}

/** The parameter text of one member: records joined while they end in a comma. */
function parameterText(text: string): string {
  let joined = "";
  for (const record of text.split(/\r?\n/)) {
    const data = record.slice(0, 71).trimStart();
    if (data === "" || data.startsWith("/*")) continue;
    const params = data.split(/\s/)[0];
    joined += params;
    if (!params.endsWith(",")) break;
  }
  return joined.replace(/,$/, "");
}

/** One member's parameters; `member` only names it in messages. */
export function parseIeasys(text: string, member: string): IeasysReading {
  const values: Record<string, string> = {};
  const messages: string[] = [];
  for (const item of splitOperands(parameterText(text)).filter(Boolean)) {
    const m = /^([A-Z][A-Z0-9]{0,7})(?:=(.+))?$/i.exec(item);
    // A parameter the reader cannot take is reported and ignored (the real system prompts the operator); no id is invented.
    if (!m) messages.push(`EMULATOR: ${member} PARAMETER ${item.toUpperCase()} IS NOT VALID AND IS IGNORED`);
    else values[m[1].toUpperCase()] = (m[2] ?? "").toUpperCase();
  }
  return { values, messages };
}

/** The members a system IPLs with: IEASYS00 (when it exists) then its SYSPARM suffixes. */
export function readIeasys(state: EmulatorState, sysparm: string[]): IeasysReading {
  const result: IeasysReading = { values: {}, messages: [] };
  const suffixes = ["00", ...sysparm.filter((s) => s !== "00")];
  for (const sfx of suffixes) {
    const member = `IEASYS${sfx}`;
    const found = findInConcatenation(state, state.parmlibs, member);
    if (!found) {
      // IEASYS00 may be absent; a SYSPARM member that is missing is reported, without an invented id.
      if (sfx !== "00") result.messages.push(`EMULATOR: ${member} NOT FOUND IN PARMLIB`);
      continue;
    }
    const one = parseIeasys(found.text, member);
    Object.assign(result.values, one.values);
    result.messages.push(...one.messages);
  }
  return result;
}

/** `xx`, `(xx,yy)` → suffixes; empty for an absent value. */
export function suffixList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return splitOperands(value.replace(/^\((.*)\)$/, "$1")).filter(Boolean);
}
