/**
 * Names a system's IZUPRMxx in the IZU= parameter of its IEASYSxx, so that z/OSMF is started
 * at IPL (DOC: "Autostart concepts in z/OSMF"; facts 10.4). Only the IZU= parameter changes:
 * every other record keeps every byte, and the result is read back before it is returned.
 */
import { parseIeasys, suffixParameter, type IeasysList } from "./ieasys-parse";
import { IplMemberRefusal, joinRecords, replaceInRecord, showRecord } from "./records";

export interface IzuEdit {
  readonly text: string;
  readonly changed: boolean;
  /** The IZU= suffixes the member names after the edit. */
  readonly suffixes: readonly string[];
}

/**
 * IZU= listing `suffix`: an IZU= that lists it is left alone; one that lists others gets it
 * added at the end of its list (IZU=AA becomes IZU=(AA,SA)); a member without IZU= gets a new
 * first record `IZU=...,`, which continues into the member's first data record so no existing
 * record changes. `inherited` is what IEASYS00 names: the system reads IEASYS00 first and a later
 * member's IZU= replaces it, so a new IZU= keeps those suffixes.
 */
export function setIzu(text: string, suffix: string, inherited: readonly string[] = []): IzuEdit {
  const list = parseIeasys(text);
  const izu = suffixParameter(list, "IZU");
  if (izu.state === "unreadable") throw new IplMemberRefusal(`${izu.reason}; IZU= is not changed`, izu.lines);
  const records = [...list.records];
  let suffixes: string[];
  if (izu.state === "listed") {
    if (izu.suffixes.includes(suffix)) return { text, changed: false, suffixes: izu.suffixes };
    suffixes = [...izu.suffixes, suffix];
    const p = izu.parameter;
    if (p.lastLine !== p.line)
      throw new IplMemberRefusal(`IZU= runs over records ${p.line + 1}-${p.lastLine + 1}; add ${suffix} to it by hand`, [
        showRecord(records, p.line),
      ]);
    const next = replaceInRecord(records[p.line]!, p.start, p.end, list.dataEnds.get(p.line)!, `IZU=(${suffixes.join(",")})`);
    if (next === undefined)
      throw new IplMemberRefusal(
        `IZU=(${suffixes.join(",")}) does not fit in columns 1-71 of record ${p.line + 1}; add ${suffix} to it by hand`,
        [showRecord(records, p.line)],
      );
    records[p.line] = next;
  } else {
    suffixes = [...new Set([...inherited.map((s) => s.toUpperCase()), suffix])];
    const parameter = suffixes.length === 1 ? `IZU=${suffix}` : `IZU=(${suffixes.join(",")})`;
    if (list.firstDataLine < 0) records.push(parameter);
    else records.splice(list.firstDataLine, 0, `${parameter},`);
  }
  const result = joinRecords(records, list.finalBreak || list.records.length === 0);
  checkEdit(list, parseIeasys(result), suffixes);
  return { text: result, changed: true, suffixes };
}

/** The edited member, read back: the same parameters as before except IZU=, which lists exactly `suffixes`. */
function checkEdit(before: IeasysList, after: IeasysList, suffixes: readonly string[]): void {
  const izu = suffixParameter(after, "IZU");
  const others = (l: IeasysList) =>
    l.parameters
      .filter((p) => p.name !== "IZU")
      .map((p) => `${p.name}=${p.value}`)
      .join("\n");
  const ok =
    after.problems.length === 0 &&
    izu.state === "listed" &&
    izu.suffixes.join(",") === suffixes.join(",") &&
    others(before) === others(after);
  if (!ok) throw new IplMemberRefusal("the edited member does not read back as planned; nothing is written", [...after.problems]);
}
