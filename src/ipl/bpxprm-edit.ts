/**
 * Adds the MOUNT of a z/OSMF USER_DIR file system to a system's BPXPRMxx, so the file system
 * is mounted again at IPL. The statement is appended after the member's last record; every
 * existing record keeps every byte, and the result is read back before it is returned.
 */
import { parmlibQuotedText } from "../templates/escape/parmlib";
import { Refusal } from "../templates/escape";
import { parseBpxprm, type BpxMount } from "./bpxprm-parse";
import { DATA_COLUMNS, IplMemberRefusal, joinRecords, showRecord } from "./records";

export interface WantedMount {
  /** The zFS data set. */
  readonly fileSystem: string;
  readonly mountPoint: string;
  /** The system that owns the mount. */
  readonly sysname: string;
}

export interface MountEdit {
  readonly text: string;
  readonly changed: boolean;
}

/** `&SYSNAME.` in a mount point is the system's name when this system reads its own member. */
function resolved(path: string, sysname: string): string {
  return path.replace(/&SYSNAME\.?/gi, sysname).replace(/\/+$/, "");
}

/** How an existing MOUNT relates to the wanted one: the same, in the way, or unrelated. */
export function judgeMount(m: BpxMount, want: WantedMount): "same" | "unrelated" | string {
  const sameFs = m.fileSystem === want.fileSystem.toUpperCase();
  const samePoint = m.mountPoint !== undefined && resolved(m.mountPoint, want.sysname) === want.mountPoint.replace(/\/+$/, "");
  if (!sameFs && !samePoint) return "unrelated";
  if (!sameFs) return `${m.fileSystem ?? "a DDNAME file system"} is mounted at ${want.mountPoint}, not ${want.fileSystem}`;
  if (!samePoint) return `${want.fileSystem} is mounted at ${m.mountPoint ?? "(no mount point)"}, not ${want.mountPoint}`;
  // MODE defaults to RDWR in BPXPRMxx (INF: MVS Initialization and Tuning Reference, MOUNT MODE).
  if (m.type !== "ZFS" || (m.mode ?? "RDWR") !== "RDWR")
    return `${want.fileSystem} is mounted at ${want.mountPoint} with TYPE(${m.type ?? ""}) MODE(${m.mode ?? "RDWR"}), not TYPE(ZFS) MODE(RDWR)`;
  // Without SYSNAME the system that processes the statement owns the mount (DOC: BPXPRMxx MOUNT SYSNAME).
  if (m.sysname !== undefined && m.sysname.toUpperCase() !== want.sysname.toUpperCase())
    return `${want.fileSystem} is mounted at ${want.mountPoint} by SYSNAME(${m.sysname}), not by ${want.sysname}`;
  // AUTOMOVE (also the default when none is coded) hands the file system to another system when its
  // owner leaves, and the owner's next IPL then finds it mounted elsewhere; UNMOUNT or NOAUTOMOVE keep it its own.
  const move = (m.move ?? "AUTOMOVE").toUpperCase();
  if (move !== "UNMOUNT" && move !== "NOAUTOMOVE")
    return `${want.fileSystem} is mounted at ${want.mountPoint} with ${m.move ?? "AUTOMOVE (the default)"}: another system takes it over when ${want.sysname} leaves, and ${want.sysname}'s IPL does not get it back; code UNMOUNT`;
  return "same";
}

/**
 * The statement, each operand on a record of its own within columns 1-71. UNMOUNT: the file
 * system belongs to one z/OSMF server, on one system; IBM advises UNMOUNT for system-specific
 * file systems in a shared file system ("Managing the movement of data"), so it is unmounted
 * when its owner leaves the sysplex and mounted again by that system's next IPL, rather than
 * moved to a system whose server does not use it. SYSNAME names that owner, so the mount is
 * the system's own even if another system reads the member.
 */
function statementRecords(want: WantedMount): string[] {
  const quoted = (value: string, what: string) => {
    try {
      return `'${parmlibQuotedText(value)}'`;
    } catch (err) {
      if (err instanceof Refusal) throw new IplMemberRefusal(`the ${what} ${err.reason}; a BPXPRMxx value may hold ${err.allowed}`);
      throw err;
    }
  };
  const operand = (keyword: string, value: string): string[] => {
    const one = `      ${keyword}(${value})`;
    if (one.length <= DATA_COLUMNS) return [one];
    // Blanks delimit, so the value may stand on a record of its own; a quoted value cannot be split.
    if (value.length > DATA_COLUMNS)
      throw new IplMemberRefusal(`the ${keyword} value is ${value.length} characters; it cannot be written within columns 1-71`);
    return [`      ${keyword}(`, value, "      )"];
  };
  const fs = operand("FILESYSTEM", quoted(want.fileSystem, "file system name"));
  fs[0] = `MOUNT${fs[0]!.slice(5)}`;
  return [
    `/* z/OSMF USER_DIR of ${want.sysname}, mounted at its IPL */`,
    ...fs,
    ...operand("MOUNTPOINT", quoted(want.mountPoint, "mount point")),
    // AGGRGROW as IBM's z/OSMF file system mounts it: the aggregate grows into its secondary space.
    `      TYPE(ZFS) MODE(RDWR) PARM('AGGRGROW') UNMOUNT SYSNAME(${want.sysname})`,
  ];
}

/** The member with the MOUNT added; an equivalent MOUNT leaves it unchanged, a conflicting one refuses. */
export function addMount(text: string, want: WantedMount): MountEdit {
  const member = parseBpxprm(text);
  if (member.problems.length > 0)
    throw new IplMemberRefusal("the member cannot be read as the system reads it; no MOUNT is added", member.problems);
  for (const m of member.mounts) {
    const verdict = judgeMount(m, want);
    if (verdict === "same") return { text, changed: false };
    if (verdict !== "unrelated") throw new IplMemberRefusal(verdict, [showRecord(member.records, m.line)]);
  }
  const records = [...member.records];
  while (records.length > 0 && records[records.length - 1]!.trim() === "") records.pop();
  const kept = member.records.slice(records.length);
  const result = joinRecords([...records, ...statementRecords(want), ...kept], member.finalBreak || member.records.length === 0);
  const after = parseBpxprm(result);
  const added = after.mounts.filter((m) => judgeMount(m, want) === "same");
  if (after.problems.length > 0 || after.mounts.length !== member.mounts.length + 1 || added.length !== 1)
    throw new IplMemberRefusal("the edited member does not read back as planned; nothing is written", [...after.problems]);
  return { text: result, changed: true };
}
