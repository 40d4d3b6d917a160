import type { Connection, Topology } from "../topology";
import { CHECK_MODULES } from "./checks";
import { findDownSystems } from "./down";
import { readAll } from "./read-all";
import { describeError } from "./read-system";
import type { Check, CheckModule, DownSystem, Read, ReadContext, Snapshot, VerifyClient, VerifyResult } from "./types";
import { failed, summarize, worst } from "./verdict";

export interface VerifyEngineOptions {
  readonly topology: Topology;
  /** A client for a topology connection ({} = the command's own). */
  readonly clientFor: (connection: Connection) => Promise<VerifyClient>;
  /** GET /zosmf/info at a host the topology names, without credentials. */
  readonly endpointInfo?: ReadContext["endpointInfo"];
  /** Bound on reading one system (and on the sysplex-wide reads). @default 60000 */
  readonly systemTimeoutMs?: number;
  /** @default CHECK_MODULES */
  readonly modules?: readonly CheckModule[];
  readonly onProgress?: (message: string) => void;
  /**
   * Read what is alike on every system once: a display all systems are asked as one `RO *ALL`,
   * the mount table once per connection. @default false (`zowe ha verify` turns it on)
   */
  readonly sysplexWide?: boolean;
}

/**
 * Reads every system in parallel, then judges. Reading and judging are apart so that
 * every check sees the whole sysplex (the distributing stack decides about the others).
 */
export async function verifyTopology(options: VerifyEngineOptions): Promise<Omit<VerifyResult, "durationMs">> {
  const t = options.topology;
  const timeoutMs = options.systemTimeoutMs ?? 60_000;
  const endpointInfo =
    options.endpointInfo ?? (() => Promise.reject(new Error("this caller gave verify no way to reach an endpoint by name")));
  const modules = (options.modules ?? CHECK_MODULES).filter((m) => m.applies(t));
  const probes = new Set<string>();
  const { systems, sysplex } = await readAll({ ...options, endpointInfo, timeoutMs, modules, probes });
  const down = findDownSystems(systems, sysplex);
  const snapshot: Snapshot = { topology: t, systems: new Map(systems.map((s) => [s.system.name, s])), sysplex, down };

  options.onProgress?.("Judging");
  const judged: Check[] = modules.flatMap((m) => {
    try {
      return unjudgeable(m, snapshot, probes)
        ? m.judge(snapshot).map((c) => (c.verdict === "failed" ? { ...c, notRun: true } : c))
        : m.judge(snapshot);
    } catch (err) {
      // A fault in one family must not hide the others, nor pass for healthy.
      return [
        {
          ...failed(
            { id: `verify.${m.name}`, title: `${m.name} checks`, expected: "checks evaluated" },
            "not evaluated",
            `verify could not evaluate the ${m.name} checks: ${describeError(err)}`,
          ),
          notRun: true,
        },
      ];
    }
  });

  const checks = judged.map((c) => whileDown(c, down));

  const unreadableIn = (reads: ReadonlyMap<string, Read<unknown>>) =>
    [...reads].some(([key, r]) => !r.ok && r.kind === "unreadable" && !probes.has(key));
  const unreadable = [
    ...(unreadableIn(sysplex) ? [null] : []),
    // A system that is down cannot be read; that is its state, not a failure of verify.
    ...systems.filter((s) => !down.has(s.system.name) && unreadableIn(s.reads)).map((s) => s.system.name),
  ];
  return {
    sysplex: t.sysplex,
    checks,
    summary: summarize(checks),
    verdict: worst(checks.map((c) => c.verdict)),
    unreadable,
    down: [...down.values()],
  };
}

/** A system's own checks while it is down: not applicable; its outage is the one system.active check. */
function whileDown(c: Check, down: ReadonlyMap<string, DownSystem>): Check {
  if (c.id === "system.active" || c.verdict === "not-applicable" || c.system === undefined || !down.has(c.system)) return c;
  return {
    id: c.id,
    system: c.system,
    title: c.title,
    expected: c.expected,
    found: `not applicable: ${c.system} is down`,
    verdict: "not-applicable",
  };
}

/**
 * A family whose own reads could not be made (not for a system that is down) cannot find
 * a failure: what it would report comes from missing answers, so it is an error of verify.
 */
function unjudgeable(m: CheckModule, snapshot: Snapshot, probes: ReadonlySet<string>): boolean {
  const lost = (r: Read<unknown> | undefined) => r !== undefined && !r.ok && r.kind === "unreadable";
  const t = snapshot.topology;
  if ((m.sysplexReads?.(t) ?? []).some((spec) => !probes.has(spec.key) && lost(snapshot.sysplex.get(spec.key)))) return true;
  return t.systems.some(
    (system) =>
      !snapshot.down.has(system.name) &&
      (m.systemReads?.(t, system) ?? []).some(
        (spec) => !probes.has(spec.key) && lost(snapshot.systems.get(system.name)?.reads.get(spec.key)),
      ),
  );
}
