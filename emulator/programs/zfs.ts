/**
 * zFS aggregates: IOEAGFMT / IOEFSUTL format a LINEAR cluster (facts §7.3), and the
 * mount/unmount rules shared by TSO MOUNT, BPXBATCH mount and anything else that mounts.
 */
import type { Program } from "../jes/types";
import type { EmulatorState, Mount } from "../state";
import { ERRNO, MOUNT_RC, mountMsg, zfsMsg } from "./messages";
import { dirExists, normalizePath } from "./uss";

/** Format an aggregate; `asGiven` is the name as written, which IOEZ00077I repeats. */
export function formatAggregate(
  state: EmulatorState,
  asGiven: string,
  opts: { compat: boolean; overwrite: boolean },
): { cc: number; lines: string[] } {
  const name = asGiven.toUpperCase();
  const ds = state.datasets[name];
  if (!ds) return { cc: zfsMsg.failCc, lines: [zfsMsg.notFound(name)] };
  if (ds.dsorg !== "VS" || ds.type !== "LINEAR") return { cc: zfsMsg.failCc, lines: [zfsMsg.notLinear(name)] };
  if (ds.formatted && !opts.overwrite) return { cc: zfsMsg.failCc, lines: [zfsMsg.alreadyFormatted(name)] };
  ds.formatted = true;
  return { cc: 0, lines: [opts.compat ? zfsMsg.created(asGiven) : zfsMsg.formatted(asGiven)] };
}

/**
 * Mount a file system on behalf of `sysname`. The aggregate must be a formatted LINEAR
 * cluster (a ZFS-keyword cluster is formatted by its first mount, §7.3) and the mount
 * point an existing directory. See MOUNT_RC for the outcome codes.
 */
export function mountFileSystem(
  state: EmulatorState,
  req: {
    fsname: string;
    mountpoint: string;
    mode: "rdwr" | "rdonly";
    sysname: string;
    fstype?: Mount["fstype"];
    automove?: Mount["automove"];
    parm?: string;
  },
): { rc: number; lines: string[] } {
  const fsname = req.fsname.toUpperCase();
  const mountpoint = normalizePath(req.mountpoint);
  const failed = (errno: string, why: string) => ({ rc: MOUNT_RC.failed, lines: [mountMsg.failed(errno, fsname, why)] });
  const fstype = req.fstype ?? "ZFS";
  const ds = state.datasets[fsname];
  if (!ds) return failed(ERRNO.ENOENT, mountMsg.noDataSet);
  const parm = req.parm?.trim().toUpperCase();
  if (fstype === "ZFS" && parm && !isZfsMountParm(parm)) return failed(ERRNO.EINVAL, `the zFS mount PARM ${parm} is not valid`);
  if (fstype === "ZFS") {
    if (ds.dsorg !== "VS" || ds.type !== "LINEAR") return failed(ERRNO.EINVAL, mountMsg.notAggregate);
    if (!ds.formatted && !ds.zfs) return failed(ERRNO.EINVAL, mountMsg.notFormatted);
  }
  const existing = state.mounts.find((m) => m.fsname === fsname);
  if (existing) {
    if (normalizePath(existing.mountpoint) === mountpoint)
      return { rc: MOUNT_RC.alreadyHere, lines: [mountMsg.alreadyMountedHere(fsname, mountpoint)] };
    return failed(ERRNO.EBUSY, mountMsg.busy(`mounted on ${existing.mountpoint} by ${existing.sysname}`));
  }
  const occupant = state.mounts.find((m) => normalizePath(m.mountpoint) === mountpoint);
  if (occupant) return failed(ERRNO.EBUSY, mountMsg.busy(`${occupant.fsname} is mounted there`));
  if (!dirExists(state, mountpoint)) return failed(ERRNO.ENOENT, mountMsg.noMountPoint);
  if (ds.dsorg === "VS" && ds.zfs && !ds.formatted) ds.formatted = true;
  state.mounts.push({
    fsname,
    mountpoint,
    fstype,
    mode: req.mode,
    sysname: req.sysname,
    ...(req.automove ? { automove: req.automove } : {}),
    ...(parm ? { parm } : {}),
  });
  return { rc: MOUNT_RC.ok, lines: [mountMsg.mounted(fsname)] };
}

/**
 * zFS mount parameters (DOC: zFS Administration, "MOUNT" / "Dynamically growing a compatibility
 * mode aggregate"): AGGRGROW or NOAGGRGROW, RWSHARE or NORWSHARE, AGGRFULL(n,m), FSFULL(n,m),
 * CONVERTTOV5 or NOCONVERTTOV5, separated by commas. The list as the emulator knows it is INF.
 */
function isZfsMountParm(parm: string): boolean {
  const words = parm.split(/,(?![^(]*\))/).map((w) => w.trim());
  const pair = /^(AGGRFULL|FSFULL)\(\d{1,2},\d{1,2}\)$/;
  const bare = new Set(["AGGRGROW", "NOAGGRGROW", "RWSHARE", "NORWSHARE", "CONVERTTOV5", "NOCONVERTTOV5"]);
  return words.every((w) => bare.has(w) || pair.test(w));
}

export function unmountFileSystem(state: EmulatorState, fsnameIn: string): { rc: number; lines: string[] } {
  const fsname = fsnameIn.toUpperCase();
  const i = state.mounts.findIndex((m) => m.fsname === fsname);
  if (i < 0) return { rc: MOUNT_RC.failed, lines: [mountMsg.unmountFailed(ERRNO.EINVAL, fsname, mountMsg.notMounted)] };
  const mp = normalizePath(state.mounts[i].mountpoint);
  const nested = state.mounts.find((m) => normalizePath(m.mountpoint).startsWith(mp === "/" ? "/" : mp + "/"));
  if (nested)
    return {
      rc: MOUNT_RC.failed,
      lines: [mountMsg.unmountFailed(ERRNO.EBUSY, fsname, mountMsg.busy(`${nested.fsname} is mounted below`))],
    };
  state.mounts.splice(i, 1);
  return { rc: MOUNT_RC.ok, lines: [mountMsg.unmounted(fsname)] };
}

/**
 * The PARM text of a zFS utility: outer parentheses and quotes removed, and Language
 * Environment run-time options (anything up to a `/`) dropped.
 */
export function utilityArgs(parm: string | undefined): string[] {
  let p = (parm ?? "").trim();
  while (/^\(.*\)$/s.test(p)) p = p.slice(1, -1).trim();
  if (/^'.*'$/s.test(p)) p = p.slice(1, -1).replace(/''/g, "'");
  const slash = p.indexOf("/");
  // A leading "/" (or LE options before it) separates run-time options from program arguments.
  if (slash >= 0 && !p.slice(0, slash).includes("-aggregate")) p = p.slice(slash + 1);
  return p.split(/\s+/).filter(Boolean);
}

function formatFromArgs(state: EmulatorState, args: string[], parm: string, compatDefault: boolean): { cc: number; lines: string[] } {
  let aggregate: string | undefined;
  let compat = compatDefault;
  let overwrite = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i].toLowerCase();
    if (a === "-aggregate") aggregate = args[++i];
    else if (a === "-compat") compat = true;
    else if (a === "-overwrite") overwrite = true;
    else if (["-owner", "-group", "-perms", "-size", "-initialempty", "-grow", "-system", "-level"].includes(a)) {
      // Takes a value the emulator does not model.
      if (args[i + 1] && !args[i + 1].startsWith("-")) i++;
    }
  }
  if (!aggregate) return { cc: zfsMsg.failCc, lines: [zfsMsg.badParm(parm)] };
  return formatAggregate(state, aggregate, { compat, overwrite });
}

/** PGM=IOEAGFMT PARM='-aggregate NAME -compat'. */
export const ioeagfmt: Program = (ctx) => {
  const r = formatFromArgs(ctx.state, utilityArgs(ctx.step.parm), ctx.step.parm ?? "", false);
  return { completion: { cc: r.cc }, outputs: { SYSPRINT: r.lines.join("\n") } };
};

/**
 * PGM=IOEFSUTL PARM='format -aggregate NAME [-compat]'. Its format always makes a
 * compatibility-mode aggregate (INF). Other subcommands are not modelled.
 */
export const ioefsutl: Program = (ctx) => {
  const args = utilityArgs(ctx.step.parm);
  if (args[0]?.toLowerCase() !== "format") {
    return { completion: { cc: zfsMsg.failCc }, outputs: { SYSPRINT: zfsMsg.badParm(ctx.step.parm ?? "") } };
  }
  const r = formatFromArgs(ctx.state, args.slice(1), ctx.step.parm ?? "", true);
  return { completion: { cc: r.cc }, outputs: { SYSPRINT: r.lines.join("\n") } };
};
