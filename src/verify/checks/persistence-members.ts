import { judgeMount } from "../../ipl/bpxprm-edit";
import { parseBpxprm } from "../../ipl/bpxprm-parse";
import { parseIeasys, suffixParameter } from "../../ipl/ieasys-parse";
import { parseIzuprm } from "../../parsers";
import { systemField } from "../../templates/topology-fields";
import { zosmfHaSystems, type Topology, type ZosmfHaMember } from "../../topology";
import { ZosmfError } from "../../zosmf";
import type { Check, CheckModule, ReadContext, ReadSpec, Snapshot } from "../types";
import { fromFailedRead, healthy, systemRead, type CheckHead } from "../verdict";
import { fieldNotSet, lostAtIpl } from "./persistence-verdict";

/*
 * Whether what provision set up comes back after an IPL: the system's BPXPRMxx mounts its
 * z/OSMF USER_DIR, and its IEASYSxx names its IZUPRMxx, which says AUTOSTART(LOCAL).
 * A member that is missing, or does not say so, or a field naming it that is not set, is degraded: the service runs now and is lost
 * at the next IPL. A member the reader cannot read is not judged (fail closed, with its lines).
 */

const IZUPRM = "zosmf.izuprm";
const key = (member: string) => `persistence.member.${member}`;

/** The member's text, or null when it does not exist. */
async function memberOrNull(ctx: ReadContext, dsn: string, member: string): Promise<string | null> {
  try {
    return (await (await ctx.client()).files.read(dsn, member)).text;
  } catch (err) {
    if (err instanceof ZosmfError && err.kind === "not-found") return null;
    throw err;
  }
}

function unknown(head: CheckHead, what: string, lines: readonly string[]): Check {
  return { ...head, found: "could not read", verdict: "failed", reason: `${what}: ${lines.join(" | ")}`, notRun: true };
}

type Text = { ok: true; text: string | null } | { ok: false; check: Check };

function textOf(snapshot: Snapshot, head: CheckHead, system: string, member: string, where: string): Text | undefined {
  const read = systemRead<string | null>(snapshot, system, key(member));
  if (read === undefined) return undefined;
  // A member on a shared PARMLIB reads fine while its system is down: only a real read failure stops the check.
  if (!read.ok)
    return {
      ok: false,
      check: fromFailedRead(head, read.kind === "down" ? { ...read, kind: "answer" } : read, `${where} could not be read`),
    };
  return { ok: true, text: read.value };
}

function mountCheck(snapshot: Snapshot, m: ZosmfHaMember): Check | undefined {
  const t = snapshot.topology;
  const { name, zosmf: z, ipl } = m.system;
  const head = {
    id: "persistence.mounts",
    system: name,
    title: `USER_DIR mounted at IPL (BPXPRMxx)`,
    expected: `a MOUNT of ${z.zfs} at ${z.userDir}`,
  };
  if (!ipl?.bpxprm)
    return fieldNotSet(head, `${systemField(t, name)}.ipl.bpxprm`, name, `nothing mounts ${z.zfs} at ${z.userDir} when ${name} IPLs`);
  const where = `${t.datasets.parmlib}(BPXPRM${ipl.bpxprm})`;
  const read = textOf(snapshot, head, name, `BPXPRM${ipl.bpxprm}`, where);
  if (read === undefined || !read.ok) return read?.check;
  if (read.text === null) return lostAtIpl(head, "member missing", name, `${where} does not exist`);
  const member = parseBpxprm(read.text);
  if (member.problems.length > 0) return unknown(head, `${where} cannot be read as the system reads it`, member.problems);
  const want = { fileSystem: z.zfs, mountPoint: z.userDir, sysname: name };
  const verdicts = member.mounts.map((mount) => judgeMount(mount, want));
  if (verdicts.includes("same")) return healthy(head, `${where} mounts ${z.zfs} at ${z.userDir}`);
  const other = verdicts.find((v) => v !== "unrelated");
  return lostAtIpl(head, other ?? "no MOUNT", name, `${where} ${other ? `says ${other}` : `has no MOUNT of ${z.zfs} at ${z.userDir}`}`);
}

function autostartCheck(snapshot: Snapshot, m: ZosmfHaMember): Check | undefined {
  const t = snapshot.topology;
  const { name, zosmf: z, ipl } = m.system;
  const izuprm = `IZUPRM${z.izuprmSuffix}`;
  const head = {
    id: "persistence.autostart",
    system: name,
    title: `z/OSMF started at IPL (IZU= in IEASYSxx)`,
    expected: `IZU= names ${z.izuprmSuffix}; ${izuprm} has AUTOSTART(LOCAL)`,
  };
  if (!ipl?.ieasys)
    return fieldNotSet(head, `${systemField(t, name)}.ipl.ieasys`, name, `nothing starts z/OSMF from ${izuprm} when ${name} IPLs`);
  const where = `${t.datasets.parmlib}(IEASYS${ipl.ieasys})`;
  const read = textOf(snapshot, head, name, `IEASYS${ipl.ieasys}`, where);
  if (read === undefined || !read.ok) return read?.check;
  if (read.text === null) return lostAtIpl(head, "member missing", name, `${where} does not exist`);
  let izu = suffixParameter(parseIeasys(read.text), "IZU");
  let from = where;
  // The system reads IEASYS00 first; its IZU= holds unless the system's own member gives one.
  if (izu.state === "absent" && ipl.ieasys !== "00") {
    const zero = textOf(snapshot, head, name, "IEASYS00", `${t.datasets.parmlib}(IEASYS00)`);
    if (zero !== undefined && !zero.ok) return zero.check;
    if (zero?.text) [izu, from] = [suffixParameter(parseIeasys(zero.text), "IZU"), `${t.datasets.parmlib}(IEASYS00)`];
  }
  if (izu.state === "unreadable") return unknown(head, `${from}: ${izu.reason}`, izu.lines);
  if (izu.state === "absent") return lostAtIpl(head, "no IZU=", name, `${where} has no IZU=, so z/OSMF is not started from ${izuprm}`);
  if (!izu.suffixes.includes(z.izuprmSuffix))
    return lostAtIpl(head, `IZU=(${izu.suffixes.join(",")})`, name, `${from} IZU= does not name ${z.izuprmSuffix}`);
  const prm = systemRead<string>(snapshot, name, IZUPRM);
  if (prm === undefined) return undefined;
  if (!prm.ok)
    return fromFailedRead(
      head,
      prm.kind === "down" ? { ...prm, kind: "answer" } : prm,
      `${t.datasets.parmlib}(${izuprm}) could not be read`,
    );
  const autostart = parseIzuprm(prm.value).statements.AUTOSTART?.value;
  const found = `IZU= names ${z.izuprmSuffix}; AUTOSTART(${typeof autostart === "string" ? autostart : "not coded"})`;
  if (autostart === "LOCAL") return healthy(head, found);
  // The default of AUTOSTART is not confirmed, so only AUTOSTART(LOCAL) written out counts.
  return lostAtIpl(head, found, name, `${izuprm} does not say AUTOSTART(LOCAL), so ${name} does not start its server at IPL`);
}

function reads(t: Topology, m: ZosmfHaMember): ReadSpec[] {
  const dsn = t.datasets.parmlib;
  const ipl = m.system.ipl;
  const members = [...(ipl?.bpxprm ? [`BPXPRM${ipl.bpxprm}`] : []), ...(ipl?.ieasys ? [`IEASYS${ipl.ieasys}`, "IEASYS00"] : [])];
  return [...new Set(members)].map((member) => ({ key: key(member), run: (ctx: ReadContext) => memberOrNull(ctx, dsn, member) }));
}

export const persistenceChecks: CheckModule = {
  name: "persistence-members",
  applies: (t) => t.zosmfHa !== undefined,
  systemReads(t, system) {
    const m = zosmfHaSystems(t).find((x) => x.system.name === system.name);
    if (m === undefined) return [];
    const z = m.system.zosmf;
    // The same key as the zosmf-ha config checks: the member is read once.
    const izuprm: ReadSpec = {
      key: IZUPRM,
      run: async (ctx) => (await (await ctx.client()).files.read(t.datasets.parmlib, `IZUPRM${z.izuprmSuffix}`)).text,
    };
    return [...reads(t, m), ...(m.system.ipl?.ieasys ? [izuprm] : [])];
  },
  judge: (snapshot) =>
    zosmfHaSystems(snapshot.topology).flatMap((m) =>
      [mountCheck(snapshot, m), autostartCheck(snapshot, m)].filter((c): c is Check => c !== undefined),
    ),
};
