/**
 * BPXPRMxx at IPL (facts §10.4; DOC: MVS Initialization and Tuning Reference, BPXPRMxx):
 * the ROOT and MOUNT statements of the members IEASYSxx OMVS= names are mounted in order.
 * Syntax: columns 1–71, `/* … *\/` comments, blanks separate, operands KEYWORD(value) or a
 * bare KEYWORD (AUTOMOVE, NOAUTOMOVE, UNMOUNT…). A mount that fails is reported and the
 * next statement is processed (DOC: BPXF002I, BPXF009I, BPXF237I "The system continues to
 * process other MOUNT statements"); a successful one says BPXF013I.
 */
import { findInConcatenation } from "../tcpip/records";
import { mountFileSystem } from "../programs/zfs";
import { MOUNT_RC, mountMsg } from "../programs/messages";
import type { EmulatorState, Mount } from "../state";

interface BpxStatement {
  name: string;
  /** Operands: KEYWORD → value ("" for a bare keyword), upper case except quoted values. */
  operands: Record<string, string>;
}

/** Operands of the statements the emulator reads; any other word starts a new statement. */
const OPERANDS: Record<string, string[]> = {
  ROOT: [
    "FILESYSTEM",
    "DDNAME",
    "TYPE",
    "MODE",
    "PARM",
    "SETUID",
    "NOSETUID",
    "SECURITY",
    "NOSECURITY",
    "AUTOMOVE",
    "NOAUTOMOVE",
    "UNMOUNT",
    "SYSNAME",
    "TAG",
  ],
  FILESYSTYPE: ["TYPE", "ENTRYPOINT", "PARM", "ASNAME"],
};
OPERANDS.MOUNT = [...OPERANDS.ROOT, "MOUNTPOINT", "KEYLABEL"];

/** Words and `(value)` groups of a member, comments and columns 72–80 removed. */
function words(text: string): { word: string; value?: string }[] {
  const data = text
    .split(/\r?\n/)
    .map((r) => r.slice(0, 71))
    .join("\n")
    .replace(/\/\*[\s\S]*?\*\//g, " ");
  const out: { word: string; value?: string }[] = [];
  const re = /([A-Z0-9_@#$]+)\s*(?:\(\s*('(?:[^']|'')*'|[^)]*?)\s*\))?/gi;
  for (const m of data.matchAll(re)) {
    const raw = m[2];
    const value = raw === undefined ? undefined : /^'.*'$/.test(raw) ? raw.slice(1, -1).replace(/''/g, "'") : raw.toUpperCase();
    out.push({ word: m[1].toUpperCase(), value });
  }
  return out;
}

export function parseBpxprm(text: string): BpxStatement[] {
  const statements: BpxStatement[] = [];
  let current: BpxStatement | null = null;
  for (const w of words(text)) {
    if (current && (OPERANDS[current.name] ?? []).includes(w.word)) current.operands[w.word] = w.value ?? "";
    else {
      // A statement with its own value (MAXPROCSYS(900)) keeps it under its name.
      current = { name: w.word, operands: w.value === undefined ? {} : { [w.word]: w.value } };
      statements.push(current);
    }
  }
  return statements;
}

function automoveOf(ops: Record<string, string>): NonNullable<Mount["automove"]> {
  if ("UNMOUNT" in ops) return "unmount";
  if ("NOAUTOMOVE" in ops) return "no";
  return "yes";
}

/** Mounts one ROOT or MOUNT statement for `system`; the message it gives. */
function mountStatement(state: EmulatorState, system: string, st: BpxStatement, member: string): string {
  const ops = st.operands;
  const fsname = (ops.FILESYSTEM ?? ops.DDNAME ?? "").toUpperCase();
  const mountpoint = st.name === "ROOT" ? "/" : ops.MOUNTPOINT;
  const type = (ops.TYPE ?? "").toUpperCase();
  // INF text and codes: what the mount lacks, in BPXF002I's form.
  const notMounted = (rc: string, why: string) =>
    `BPXF002I FILE SYSTEM ${fsname || "(NONE)"} WAS NOT MOUNTED. RETURN CODE = ${rc}, REASON CODE = 00000000. ${why}`;
  if (!ops.FILESYSTEM) return notMounted("00000079", `${member}: FILESYSTEM IS REQUIRED`);
  if (!mountpoint) return notMounted("00000079", `${member}: MOUNTPOINT IS REQUIRED`);
  if (type !== "ZFS" && type !== "HFS" && type !== "TFS") return notMounted("00000079", `${member}: TYPE(${type}) IS NOT A FILESYSTYPE`);
  const owner = (ops.SYSNAME ?? system).toUpperCase();
  if (!state.systems[owner]?.up) return notMounted("00000079", `SYSNAME ${owner} IS NOT ACTIVE`);
  const mode = ops.MODE === "READ" ? "rdonly" : "rdwr";
  const r = mountFileSystem(state, {
    fsname,
    mountpoint,
    mode,
    sysname: owner,
    fstype: type,
    automove: automoveOf(ops),
    ...(ops.PARM ? { parm: ops.PARM } : {}),
  });
  if (r.rc === MOUNT_RC.alreadyHere) return `BPXF237I FILE SYSTEM ${fsname} WAS ALREADY MOUNTED ON PATHNAME ${mountpoint}.`;
  if (r.rc !== MOUNT_RC.ok) {
    const line = r.lines[0] ?? "";
    if (line.endsWith(mountMsg.noMountPoint))
      return `BPXF009I FILE SYSTEM ${fsname} WAS NOT MOUNTED. THE MOUNT POINT SPECIFIED IN ${member} IS NOT A DIRECTORY.`;
    return notMounted(/RETURN CODE (\w+)/.exec(line)?.[1] ?? "00000079", line.replace(/^.*?FILE SYSTEM \S+\. /, ""));
  }
  return `BPXF013I FILE SYSTEM ${fsname} WAS SUCCESSFULLY MOUNTED.`;
}

/** Mounts what the BPXPRMxx members with these suffixes say, in order; the messages. */
export function mountFromBpxprm(state: EmulatorState, system: string, suffixes: string[]): string[] {
  const lines: string[] = [];
  for (const sfx of suffixes) {
    const member = `BPXPRM${sfx}`;
    const found = findInConcatenation(state, state.parmlibs, member);
    // A member OMVS= names that is not there; the message id z/OS uses is not known here, so none is shown.
    if (!found) {
      lines.push(`EMULATOR: ${member} NOT FOUND IN PARMLIB; ITS STATEMENTS ARE NOT PROCESSED`);
      continue;
    }
    for (const st of parseBpxprm(found.text)) {
      if (st.name === "ROOT" || st.name === "MOUNT") lines.push(mountStatement(state, system, st, member));
    }
  }
  return lines;
}
