import type { MountedFileSystem } from "../../../zosmf";
import { parseIzuprm, type IzuprmParseResult } from "../../../parsers";
import { zosmfHaSystems, type Topology, type ZosmfHaMember } from "../../../topology";
import type { Check, CheckModule, Read, Snapshot } from "../../types";
import { degraded, failed, fromFailedRead, healthy, q, systemDown, systemRead, type CheckHead } from "../../verdict";

/*
 * Each hot-standby system's IZUPRMxx, read back from PARMLIB, held to the rules for
 * z/OSMF servers sharing one DVIPA: per-system values unique, shared values equal,
 * and all of them as the topology says.
 */

const IZUPRM = "zosmf.izuprm";
const MOUNT = "zosmf.user-dir.mount";

interface Rule {
  readonly id: string;
  readonly statement: string;
  /** The value when the member leaves the statement out. */
  readonly fallback?: string;
  /** Values compared as written (quoted case-sensitive values), otherwise upper-cased. */
  readonly exactCase?: boolean;
  readonly scope: "unique" | "shared" | "each";
  expected(t: Topology, m: ZosmfHaMember): string;
}

const RULES: readonly Rule[] = [
  {
    id: "zosmf.parmlib.autostart-group",
    statement: "AUTOSTART_GROUP",
    fallback: "IZUDFLT",
    scope: "unique",
    expected: (_t, m) => m.system.zosmf.autostartGroup,
  },
  { id: "zosmf.parmlib.autostart", statement: "AUTOSTART", fallback: "LOCAL", scope: "each", expected: (t) => t.zosmfHa!.autostart },
  { id: "zosmf.parmlib.hostname", statement: "HOSTNAME", fallback: "*", scope: "shared", expected: (t) => t.zosmfHa!.hostname },
  {
    id: "zosmf.parmlib.http-ssl-port",
    statement: "HTTP_SSL_PORT",
    fallback: "443",
    scope: "shared",
    expected: (t) => String(t.zosmfHa!.port),
  },
  {
    id: "zosmf.parmlib.keyring-name",
    statement: "KEYRING_NAME",
    fallback: "IZUKeyring.IZUDFLT",
    exactCase: true,
    scope: "shared",
    expected: (t) => t.zosmfHa!.keyring,
  },
  { id: "zosmf.parmlib.saf-prefix", statement: "SAF_PREFIX", fallback: "IZUDFLT", scope: "shared", expected: (t) => t.zosmfHa!.safPrefix },
  { id: "zosmf.parmlib.angel-proc", statement: "ANGEL_PROC", fallback: "IZUANG1", scope: "shared", expected: (t) => t.zosmfHa!.angelProc },
  {
    id: "zosmf.parmlib.server-proc",
    statement: "SERVER_PROC",
    fallback: "IZUSVR1",
    scope: "unique",
    expected: (_t, m) => m.system.zosmf.serverProc,
  },
  {
    id: "zosmf.parmlib.user-dir",
    statement: "USER_DIR",
    fallback: "/global/zosmf",
    exactCase: true,
    scope: "unique",
    expected: (_t, m) => m.system.zosmf.userDir,
  },
];

const SCOPE_WORDS: Record<Rule["scope"], string> = { unique: ", unique in the sysplex", shared: ", the same on all", each: "" };

function memberName(t: Topology, m: ZosmfHaMember): string {
  return `${t.datasets.parmlib}(IZUPRM${m.system.zosmf.izuprmSuffix})`;
}

/** The statement's value as the server would take it; a missing one takes z/OSMF's default. */
function valueOf(parsed: IzuprmParseResult, rule: Rule): { value: string; defaulted: boolean } {
  const stmt = parsed.statements[rule.statement];
  if (stmt === undefined || typeof stmt.value !== "string") return { value: rule.fallback ?? "", defaulted: true };
  return { value: stmt.value.trim(), defaulted: false };
}

function same(rule: Rule, a: string, b: string): boolean {
  return rule.exactCase ? a === b : a.toUpperCase() === b.toUpperCase();
}

function judgeRules(snapshot: Snapshot): Check[] {
  const t = snapshot.topology;
  const members = zosmfHaSystems(t);
  const parsed = new Map<string, IzuprmParseResult>();
  for (const m of members) {
    const read = systemRead<string>(snapshot, m.system.name, IZUPRM);
    if (read?.ok) parsed.set(m.system.name, parseIzuprm(read.value));
  }
  const checks: Check[] = [];
  for (const rule of RULES) {
    for (const m of members) {
      const name = m.system.name;
      const member = memberName(t, m);
      const expected = rule.expected(t, m);
      const head = {
        id: rule.id,
        system: name,
        title: `${rule.statement} in IZUPRM${m.system.zosmf.izuprmSuffix}`,
        expected: `${expected}${SCOPE_WORDS[rule.scope]}`,
      };
      const read = systemRead<string>(snapshot, name, IZUPRM);
      if (read === undefined) continue;
      // A member on a shared PARMLIB reads fine while its system is down: only a real read failure stops the rule.
      if (!read.ok) {
        checks.push(fromFailedRead(head, read.kind === "down" ? { ...read, kind: "answer" } : read, `${member} could not be read`));
        continue;
      }
      const { value, defaulted } = valueOf(parsed.get(name)!, rule);
      const found = defaulted ? `${value} (not coded: z/OSMF default)` : value;
      const problems: string[] = [];
      if (!same(rule, value, expected))
        problems.push(
          `${member}: ${rule.statement} ${q(value)}${defaulted ? " (the default)" : ""} is not ${q(expected)} as the topology says`,
        );
      const others = members.filter((o) => o !== m && parsed.has(o.system.name));
      if (rule.scope === "unique") {
        const clash = others.filter((o) => same(rule, valueOf(parsed.get(o.system.name)!, rule).value, value)).map((o) => o.system.name);
        if (clash.length > 0) problems.push(`${member}: ${rule.statement} ${q(value)} is also used by ${clash.join(", ")}`);
      } else if (rule.scope === "shared") {
        const differ = others.filter((o) => !same(rule, valueOf(parsed.get(o.system.name)!, rule).value, value));
        if (differ.length > 0) {
          problems.push(
            `${member}: ${rule.statement} ${q(value)} differs from ${differ.map((o) => `${o.system.name} ${q(valueOf(parsed.get(o.system.name)!, rule).value)}`).join(", ")}`,
          );
        }
      }
      checks.push(problems.length === 0 ? healthy(head, found) : failed(head, found, problems.join("; ")));
    }
  }
  return checks;
}

/**
 * A down system's server is not running, so where its USER_DIR went (moved by AUTOMOVE,
 * unmounted, unowned) is not a finding: the outage is the system.active check. Say where it is.
 */
function userDirWhileDown(head: CheckHead, name: string, dir: string, read: Read<MountedFileSystem[]>): Check {
  const mount = read.ok ? read.value.find((fs) => fs.mountpoint.replace(/\/+$/, "") === dir.replace(/\/+$/, "")) : undefined;
  const where = !read.ok
    ? "mount table not read"
    : mount === undefined
      ? "nothing mounted"
      : `${mount.name} owned by ${mount.sysname?.toUpperCase() ?? "(owner not shown)"}`;
  return { ...head, found: `not applicable: ${name} is down; ${where}`, verdict: "not-applicable" };
}

function judgeMounts(snapshot: Snapshot): Check[] {
  const checks: Check[] = [];
  for (const m of zosmfHaSystems(snapshot.topology)) {
    const name = m.system.name;
    const dir = m.system.zosmf.userDir;
    const head = {
      id: "zosmf.user-dir.mounted",
      system: name,
      title: `USER_DIR ${dir} mounted on its own system`,
      expected: `a file system mounted at ${dir}, owned by ${name}`,
    };
    const read = systemRead<MountedFileSystem[]>(snapshot, name, MOUNT);
    if (read === undefined) continue;
    const down = systemDown(snapshot, name);
    if (down !== undefined) {
      checks.push(userDirWhileDown(head, name, dir, read));
      continue;
    }
    if (!read.ok) {
      checks.push(fromFailedRead(head, read, `the mount table for ${dir} could not be read`));
      continue;
    }
    const mount = read.value.find((fs) => fs.mountpoint.replace(/\/+$/, "") === dir.replace(/\/+$/, ""));
    if (mount === undefined) {
      checks.push(
        failed(
          head,
          "nothing mounted",
          `${name}: USER_DIR ${dir} has no file system mounted; z/OSMF would write into the parent file system`,
        ),
      );
      continue;
    }
    const owner = mount.sysname?.toUpperCase();
    const found = `${mount.name} owned by ${owner ?? "(owner not shown)"}`;
    if (owner === name) checks.push(healthy(head, found));
    else if (owner === undefined) checks.push(failed(head, found, `${name}: the mount table does not say which system owns ${dir}`));
    // The shared file system still serves ${name}; only its ownership is not where the set-up put it.
    else
      checks.push(
        degraded(
          head,
          found,
          `${name}: USER_DIR ${dir} is owned by ${owner}, not by ${name}; z/OSMF on ${name} depends on ${owner} for it`,
        ),
      );
  }
  return checks;
}

export const zosmfHaConfigChecks: CheckModule = {
  name: "zosmf-ha-config",
  applies: (t) => t.zosmfHa !== undefined,
  systemReads(t, system) {
    const m = zosmfHaSystems(t).find((x) => x.system.name === system.name);
    if (m === undefined) return [];
    const zosmf = m.system.zosmf;
    return [
      { key: IZUPRM, run: async (ctx) => (await (await ctx.client()).files.read(t.datasets.parmlib, `IZUPRM${zosmf.izuprmSuffix}`)).text },
      { key: MOUNT, run: async (ctx) => (await ctx.client()).files.listMounts({ path: zosmf.userDir }) },
    ];
  },
  judge: (snapshot) => [...judgeRules(snapshot), ...judgeMounts(snapshot)],
};
