import { posix } from "node:path";
import { clip, pathString, type PathSegment } from "./problems";
import { list, unique, up, str, type Loose, type RuleContext, type RuleProblem } from "./rule-context";
import { checkServerConfigs } from "./rules-configs";
import { checkCachingService, checkDistributedServices, checkPortSharing } from "./rules-services";
import { checkPortClashes, checkPortProtocols, checkSubnetAddresses } from "./rules-network";
import { checkGateway } from "./rules-gateway";
import { checkZosmfHa } from "./rules-zosmf";
import { HA_SECTIONS, type Topology } from "./schema";

/* Rules that compare fields across the file; see rule-context.ts for why every read is guarded. */

const SYSTEM_NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;

export interface RuleOptions {
  /** Report names that are not in systems[]; off when systems[] could not be read in full. */
  checkReferences?: boolean;
}

export function checkRules(input: unknown, options: RuleOptions = {}): RuleProblem[] {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return [];
  const t = input as NonNullable<Loose<Topology>>;
  const problems: RuleProblem[] = [];
  const known = new Map<string, number>();
  list(t.systems).forEach((s, i) => {
    const name = up(s?.name);
    // A refused name is not known: messages list known names, and only well-formed ones may be echoed whole.
    if (name !== undefined && SYSTEM_NAME.test(name) && !known.has(name)) known.set(name, i);
  });
  const ctx: RuleContext = {
    t,
    known,
    checkReferences: options.checkReferences ?? true,
    report: (path, message, allowed) => problems.push({ path, message, allowed }),
  };

  if (!HA_SECTIONS.some((section) => t[section] !== undefined)) {
    ctx.report([], "no HA section is present", `at least one of ${HA_SECTIONS.join(", ")}`);
  }
  checkSystems(ctx);
  checkDatasets(ctx);
  checkZosmfHa(ctx);
  checkConnection(ctx, ["zosmfHa", "connection"], t.zosmfHa?.connection);
  checkCachingService(ctx);
  checkPortSharing(ctx);
  checkDistributedServices(ctx);
  checkGateway(ctx);
  checkServerConfigs(ctx);
  checkDvipas(ctx);
  checkSubnetAddresses(ctx);
  checkPortProtocols(ctx);
  checkPortClashes(ctx);
  return problems;
}

function checkSystems(ctx: RuleContext): void {
  const systems = list(ctx.t.systems);
  const per = (field: (s: (typeof systems)[number]) => unknown, path: PathSegment[], normalise = up) =>
    systems.map((s, i) => ({ path: ["systems", i, ...path], key: normalise(field(s)) }));

  unique(
    ctx,
    per((s) => s?.name, ["name"]),
    "a system name that appears once in systems[]",
  );
  unique(
    ctx,
    per((s) => s?.hostname, ["hostname"]),
    "a host name that no other system has",
  );
  unique(
    ctx,
    per((s) => s?.tcpip?.dynamicXcf?.address, ["tcpip", "dynamicXcf", "address"]),
    "a dynamic XCF address that no other system has",
  );
  // Each z/OSMF server of the sysplex needs its own member, group, procedure and file system.
  unique(
    ctx,
    per((s) => s?.zosmf?.izuprmSuffix, ["zosmf", "izuprmSuffix"]),
    "a suffix no other system uses (each system has its own IZUPRMxx member)",
  );
  unique(
    ctx,
    per((s) => s?.zosmf?.autostartGroup, ["zosmf", "autostartGroup"]),
    "an autostart group no other system uses (each HA server autostarts in its own group)",
  );
  unique(
    ctx,
    per((s) => s?.zosmf?.serverProc, ["zosmf", "serverProc"]),
    "a started procedure no other system uses (each z/OSMF server has its own)",
  );
  checkUserDirs(ctx);
  unique(
    ctx,
    per((s) => s?.zosmf?.zfs, ["zosmf", "zfs"]),
    "a data set no other system uses (each z/OSMF server has its own file system)",
  );
  systems.forEach((s, i) => checkConnection(ctx, ["systems", i, "connection"], s?.connection));
}

function checkConnection(ctx: RuleContext, path: PathSegment[], connection: unknown): void {
  if (typeof connection !== "object" || connection === null) return;
  const c = connection as Record<string, unknown>;
  const shapes = "{} (this command's profile), { profile } or { host, port?, basePath?, rejectUnauthorized? }";
  for (const key of ["host", "port", "basePath", "rejectUnauthorized"]) {
    if (c[key] === undefined) continue;
    if (c.profile !== undefined) ctx.report([...path, key], "cannot be combined with profile", shapes);
    else if (key !== "host" && c.host === undefined) ctx.report([...path, key], "is only used together with host", shapes);
  }
}

function checkDatasets(ctx: RuleContext): void {
  const d = ctx.t.datasets;
  const backup = up(d?.backup) ?? "HA.BACKUP";
  // The backup library keeps the originals of replaced members; it must not be one of the libraries changed.
  for (const field of ["parmlib", "proclib", "procSource", "obey", "jclLib"] as const) {
    if (up(d?.[field]) === backup) {
      ctx.report(
        ["datasets", "backup"],
        `is the same data set as datasets.${field}`,
        "a data set other than parmlib, proclib, procSource, obey and jclLib",
      );
    }
  }
}

/** A DVIPA is defined once in the sysplex and is never a stack's own dynamic XCF address. */
function checkDvipas(ctx: RuleContext): void {
  const xcf = new Map<string, string>();
  list(ctx.t.systems).forEach((s) => {
    const address = s?.tcpip?.dynamicXcf?.address;
    const name = up(s?.name);
    if (typeof address === "string" && name !== undefined && !xcf.has(address)) xcf.set(address, name);
  });
  const dvipas: { path: PathSegment[]; key: string | undefined }[] = [];
  if (ctx.t.zosmfHa) dvipas.push({ path: ["zosmfHa", "dvipa"], key: str(ctx.t.zosmfHa.dvipa) });
  list(ctx.t.distributedServices).forEach((d, i) => dvipas.push({ path: ["distributedServices", i, "dvipa"], key: str(d?.dvipa) }));
  if (ctx.t.gateway) dvipas.push({ path: ["gateway", "dvipa"], key: str(ctx.t.gateway.dvipa) });
  for (const { path, key } of dvipas) {
    const owner = key === undefined ? undefined : xcf.get(key);
    if (owner !== undefined) {
      ctx.report(path, `is the dynamic XCF address of ${clip(owner)}`, "an address that is not a dynamic XCF address");
    }
  }
  unique(ctx, dvipas, "a DVIPA that no other service uses");
}

/** Directories of z/OS UNIX itself: a z/OSMF file system mounted over one would hide it. */
const SYSTEM_DIRECTORIES = new Set([
  "/bin",
  "/dev",
  "/etc",
  "/lib",
  "/opt",
  "/samples",
  "/SYSTEM",
  "/tmp",
  "/u",
  "/usr",
  "/var",
  "/global",
  "/usr/lpp",
]);

/**
 * Each autostart group has its own USER_DIR, and each gets its own file system mounted
 * there. Paths compare normalised (so /a/./b and /a/b/ are /a/b), and one may not lie
 * inside another: its mount would land in the other server's file system.
 */
function checkUserDirs(ctx: RuleContext): void {
  const dirs: { path: PathSegment[]; dir: string }[] = [];
  list(ctx.t.systems).forEach((s, i) => {
    const raw = s?.zosmf?.userDir;
    if (typeof raw !== "string" || !raw.startsWith("/")) return;
    dirs.push({ path: ["systems", i, "zosmf", "userDir"], dir: posix.normalize(raw).replace(/(.)\/+$/, "$1") });
  });
  dirs.forEach(({ path, dir }, k) => {
    if (dir === "/" || SYSTEM_DIRECTORIES.has(dir)) {
      ctx.report(
        path,
        `is ${dir === "/" ? "the root directory" : `the system directory ${dir}`}, over which a file system would be mounted`,
        "a directory of its own, such as /global/zosmf/sysa",
      );
      return;
    }
    const other = dirs.slice(0, k).find((d) => d.dir === dir || dir.startsWith(`${d.dir}/`) || d.dir.startsWith(`${dir}/`));
    if (other !== undefined) {
      ctx.report(
        path,
        other.dir === dir
          ? `is the same directory as ${pathString(other.path)}`
          : `is nested with ${pathString(other.path)} (${clip(other.dir)})`,
        "a directory no other system uses and not inside another's (each autostart group has its own USER_DIR and file system)",
      );
    }
  });
}
