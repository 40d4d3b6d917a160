/**
 * Step allocation and disposition of DD statements: DISP=(NEW,CATLG) creates a data set
 * before the program runs and DISP=(...,DELETE) removes one after it, for every program
 * (IEFBR14 does nothing else). Messages go to JESYSMSG.
 */
import type { DdStatement } from "../jes/steps";
import type { Program, ProgramContext } from "../jes/types";
import type { Dataset } from "../state";
import { ddParam, nextEtag, splitDsn } from "./dd";
import { allocMsg, SMS_VOLSER } from "./messages";

export interface Disp {
  status: "NEW" | "OLD" | "SHR" | "MOD";
  normal?: string;
  abnormal?: string;
}

export function parseDisp(disp: string | undefined): Disp {
  const parts = (disp ?? "")
    .replace(/^\(|\)$/g, "")
    .split(",")
    .map((x) => x.trim().toUpperCase());
  const status = (["NEW", "OLD", "SHR", "MOD"].includes(parts[0]) ? parts[0] : "NEW") as Disp["status"];
  const d: Disp = { status };
  if (parts[1]) d.normal = parts[1];
  if (parts[2]) d.abnormal = parts[2];
  return d;
}

/** Directory blocks from SPACE=(unit,(primary,secondary,dir)); undefined when not given. */
function directoryBlocks(space: string | undefined): number | undefined {
  if (!space) return undefined;
  const m = /\(\s*\d*\s*,\s*\d*\s*,\s*(\d+)\s*\)/.exec(space);
  return m ? Number(m[1]) : undefined;
}

/** A DCB attribute given as its own keyword or inside DCB=(...). */
function dcbParam(dd: DdStatement, key: string): string | undefined {
  const own = ddParam(dd, key);
  if (own) return own;
  const dcb = ddParam(dd, "DCB");
  const m = dcb ? new RegExp(`${key}=([A-Z0-9]+)`, "i").exec(dcb) : null;
  return m?.[1];
}

function newDataset(dd: DdStatement, name: string, member: string | undefined, nowIso: string): Dataset {
  const dsntype = (ddParam(dd, "DSNTYPE") ?? "").toUpperCase();
  const recfm = (dcbParam(dd, "RECFM") ?? "FB").toUpperCase();
  const lrecl = Number(dcbParam(dd, "LRECL") ?? 80);
  const blksize = Number(dcbParam(dd, "BLKSIZE") ?? (recfm.startsWith("F") ? Math.floor(27998 / lrecl) * lrecl : 27998));
  const volser = (ddParam(dd, "VOLSER") ?? ddParam(dd, "VOL") ?? SMS_VOLSER).replace(/^SER=/i, "").replace(/[()]/g, "").toUpperCase();
  const base = { name, volser, created: nowIso, recfm, lrecl, blksize };
  const partitioned =
    dsntype === "LIBRARY" || dsntype === "PDS" || directoryBlocks(ddParam(dd, "SPACE")) !== undefined || member !== undefined;
  if (partitioned) return { ...base, dsorg: "PO", members: {} };
  return { ...base, dsorg: "PS", content: "", etag: "" };
}

/**
 * Allocate the step's NEW data sets. A NEW name that is already cataloged fails the step
 * (see allocMsg.duplicate) and nothing is allocated.
 */
export function allocateStep(ctx: ProgramContext): { ok: boolean; sysmsg: string[] } {
  const sysmsg: string[] = [];
  const toCreate: Dataset[] = [];
  for (const dd of ctx.step.dds) {
    if (!dd.dsn || dd.instream || dd.dummy || dd.dsn.startsWith("&&")) continue;
    const disp = parseDisp(dd.disp);
    const ref = splitDsn(dd.dsn, dd.member);
    const exists = ref.dsn in ctx.state.datasets;
    if (disp.status === "NEW" && dd.disp !== undefined) {
      if (exists) return { ok: false, sysmsg: [allocMsg.duplicate(ref.dsn)] };
      const ds = newDataset(dd, ref.dsn, ref.member, ctx.nowIso);
      if (ds.dsorg === "PS") ds.etag = nextEtag(ctx.state);
      toCreate.push(ds);
    } else if (disp.status === "MOD" && !exists) {
      const ds = newDataset(dd, ref.dsn, ref.member, ctx.nowIso);
      if (ds.dsorg === "PS") ds.etag = nextEtag(ctx.state);
      toCreate.push(ds);
    } else if (!exists && (disp.status === "OLD" || disp.status === "SHR")) {
      return { ok: false, sysmsg: [allocMsg.notCataloged(ref.dsn)] };
    }
  }
  for (const ds of toCreate) ctx.state.datasets[ds.name] = ds;
  return { ok: true, sysmsg };
}

/**
 * Apply normal (or abnormal) dispositions after the step: DELETE removes the data set.
 * The IEF285I lines are the job lifecycle's (run-steps.ts); only exceptions are returned.
 */
export function dispositionStep(ctx: ProgramContext, failed: boolean): string[] {
  const sysmsg: string[] = [];
  for (const dd of ctx.step.dds) {
    if (!dd.dsn || dd.instream || dd.dummy || dd.dsn.startsWith("&&") || dd.disp === undefined) continue;
    const disp = parseDisp(dd.disp);
    const { dsn } = splitDsn(dd.dsn, dd.member);
    const action = (failed ? (disp.abnormal ?? disp.normal) : disp.normal) ?? (disp.status === "NEW" ? "DELETE" : "KEEP");
    if (!(dsn in ctx.state.datasets)) continue;
    if (action === "DELETE") {
      // A mounted aggregate stays: z/OS would not scratch a data set in use.
      if (ctx.state.mounts.some((m) => m.fsname === dsn)) {
        sysmsg.push(allocMsg.inUse(dsn));
        continue;
      }
      delete ctx.state.datasets[dsn];
    }
  }
  return sysmsg;
}

/** Run a program between step allocation and disposition. */
export function withAllocation(program: Program): Program {
  return (ctx) => {
    const alloc = allocateStep(ctx);
    if (!alloc.ok) return { completion: { cc: allocMsg.failCc }, outputs: {}, sysmsg: alloc.sysmsg };
    const result = program(ctx);
    const failed = "abend" in result.completion;
    return { ...result, sysmsg: [...alloc.sysmsg, ...(result.sysmsg ?? []), ...dispositionStep(ctx, failed)] };
  };
}

/** PGM=IEFBR14: does nothing; its DDs' allocation and disposition are the point. */
export const iefbr14: Program = () => ({ completion: { cc: 0 }, outputs: {} });
