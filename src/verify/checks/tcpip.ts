import type { DvipaEntry, VdptEntry, VipaDistributeEntry } from "../../parsers";
import { systemByName, zosmfHaSystems, type Topology, type TopologySystem, type ZosmfHa } from "../../topology";
import type { Check, CheckModule, Snapshot } from "../types";
import { degraded, failed, healthy, systemDown } from "../verdict";
import { display, displayProblem, netstatRead, type Display } from "./netstat";

/*
 * Hot standby as the TCP/IP stacks see it: every stack in the sysplex group, the DVIPA
 * owned by exactly one stack, the distribution defined as the topology says, and in the
 * distributing stack's VDPT one Active target with a ready standby behind it.
 */

type Head = Pick<Check, "id" | "system" | "title" | "expected">;

/** The stacks hot standby involves: the distributor, its backup, and every z/OSMF target. */
function tcpipSystems(t: Topology): TopologySystem[] {
  const ha = t.zosmfHa!;
  const names = new Set([ha.distributor, ...(ha.distributorBackup ? [ha.distributorBackup] : []), ...zosmfHaSystems(t).map((m) => m.system.name)]);
  return t.systems.filter((s) => names.has(s.name));
}

function sameAddress(a: string | null | undefined, b: string): boolean {
  return (a ?? "").toUpperCase() === b.toUpperCase();
}

/** Who holds the DVIPA on one stack. A distribution target also lists it active, but only to accept connections. */
type Holding = "owner" | "backup" | "target" | "none";

function holding(entry: DvipaEntry | undefined): Holding {
  if (entry === undefined) return "none";
  if (entry.status === "BACKUP") return "backup";
  if (entry.status !== "ACTIVE") return "none";
  const targetOnly = entry.distStat === "DEST" || (entry.origin ?? "").includes("DISTRIBUTE") && entry.distStat !== "DIST" && entry.distStat !== "DIST/DEST";
  return targetOnly ? "target" : "owner";
}

interface Stack {
  readonly system: TopologySystem;
  readonly cfg: Display<"VIPADCFG">;
  readonly vdpt: Display<"VDPT">;
  readonly dyn: Display<"VIPADYN">;
  readonly holding?: Holding;
}

interface View {
  readonly t: Topology;
  readonly ha: ZosmfHa;
  readonly snapshot: Snapshot;
  readonly stacks: readonly Stack[];
  /** Dynamic XCF address → system name. */
  readonly byXcf: ReadonlyMap<string, string>;
  readonly owners: readonly Stack[];
  /** The stack distributing the DVIPA now; after a takeover, the backup. */
  readonly distributing?: Stack;
}

function buildView(snapshot: Snapshot): View {
  const t = snapshot.topology;
  const ha = t.zosmfHa!;
  const stacks = tcpipSystems(t).map((system): Stack => {
    const dyn = display(snapshot, system, "VIPADYN");
    const entry = dyn.state === "ok" ? dyn.data.dvipas.find((d) => sameAddress(d.address, ha.dvipa)) : undefined;
    return {
      system,
      cfg: display(snapshot, system, "VIPADCFG"),
      vdpt: display(snapshot, system, "VDPT"),
      dyn,
      ...(dyn.state === "ok" ? { holding: holding(entry) } : {}),
    };
  });
  const owners = stacks.filter((s) => s.holding === "owner");
  const distributing = owners.find((s) => s.system.name === ha.distributor) ?? owners[0];
  const byXcf = new Map(t.systems.map((s) => [s.tcpip.dynamicXcf.address.toUpperCase(), s.name]));
  return { t, ha, snapshot, stacks, byXcf, owners, ...(distributing ? { distributing } : {}) };
}

function xcfName(view: View, xcf: string | null): string {
  return (xcf && view.byXcf.get(xcf.toUpperCase())) ?? `XCF ${xcf ?? "(none)"}`;
}

// ---------------------------------------------------------------------------

function dynamicXcfChecks(view: View): Check[] {
  return view.stacks.map((s) => {
    const head: Head = {
      id: "tcpip.dynamicxcf",
      system: s.system.name,
      title: "TCP/IP stack in the sysplex group (DYNAMICXCF)",
      expected: `DYNAMICXCF ${s.system.tcpip.dynamicXcf.address}; stack ${s.system.tcpip.proc} in the sysplex group`,
    };
    for (const d of [s.cfg, s.dyn]) {
      if (d.state === "ok" && d.notInSysplex) {
        return failed(head, "not in the sysplex group", `${s.system.name}: TCP/IP ${s.system.tcpip.proc} is not in the sysplex group (${d.notInSysplex})`);
      }
      if (d.state !== "ok") return displayProblem(head, d, s.system);
    }
    return healthy(head, "in the sysplex group");
  });
}

function roleChecks(view: View): Check[] {
  const { ha } = view;
  const checks: Check[] = [];
  const roles: { name: string; role: "define" | "backup" }[] = [
    { name: ha.distributor, role: "define" },
    ...(ha.distributorBackup ? [{ name: ha.distributorBackup, role: "backup" as const }] : []),
  ];
  for (const { name, role } of roles) {
    const s = view.stacks.find((x) => x.system.name === name);
    if (s === undefined) continue;
    const head: Head = {
      id: "tcpip.dvipa.role",
      system: name,
      title: role === "define" ? `DVIPA ${ha.dvipa} defined and active here` : `DVIPA ${ha.dvipa} held in backup here`,
      expected: role === "define" ? `VIPADEFINE ${ha.dvipa}; ACTIVE` : `VIPABACKUP ${ha.dvipa}; BACKUP (ACTIVE only after a takeover)`,
    };
    if (s.cfg.state !== "ok") {
      checks.push(displayProblem(head, s.cfg, s.system));
      continue;
    }
    const configured =
      role === "define"
        ? s.cfg.data.defines.some((d) => sameAddress(d.address, ha.dvipa) && !d.deactivated)
        : s.cfg.data.backups.some((d) => sameAddress(d.address, ha.dvipa) && !d.deactivated);
    const statement = role === "define" ? "VIPADEFINE" : "VIPABACKUP";
    if (!configured) {
      checks.push(failed(head, `no ${statement}`, `${name}: VIPADCFG shows no ${statement} for ${ha.dvipa}`));
      continue;
    }
    if (s.dyn.state !== "ok") {
      checks.push(displayProblem(head, s.dyn, s.system));
      continue;
    }
    const found = `${statement}; ${s.holding === "owner" ? "ACTIVE" : s.holding === "backup" ? "BACKUP" : s.holding === "target" ? "target only" : "not held"}`;
    const other = view.owners.find((o) => o.system.name !== name)?.system.name;
    if (role === "define") {
      if (s.holding === "owner") checks.push(healthy(head, found));
      else if (other) checks.push(degraded(head, found, `${name}: the DVIPA is active on ${other}, not on its defining stack`));
      else checks.push(failed(head, found, `${name}: the DVIPA ${ha.dvipa} is not active here nor anywhere else`));
    } else {
      // A backup that is also a distribution target may list the DVIPA as a target; VIPABACKUP is configured either way.
      if (s.holding === "backup" || s.holding === "target") checks.push(healthy(head, found));
      else if (s.holding === "owner") checks.push(degraded(head, found, `${name} has taken the DVIPA over from ${ha.distributor}`));
      else checks.push(failed(head, found, `${name} does not hold ${ha.dvipa} in backup: a takeover would leave the DVIPA nowhere`));
    }
  }
  return checks;
}

function oneActiveCheck(view: View): Check {
  const { ha } = view;
  const head: Head = {
    id: "tcpip.dvipa.one-active",
    system: "-",
    title: `DVIPA ${ha.dvipa} active on exactly one stack`,
    expected: `ACTIVE on ${ha.distributor}${ha.distributorBackup ? ` (or ${ha.distributorBackup} after a takeover)` : ""}, and nowhere else`,
  };
  const names = view.owners.map((o) => o.system.name);
  const unread = view.stacks.filter((s) => s.dyn.state !== "ok").map((s) => s.system.name);
  if (names.length === 0) {
    const note = unread.length > 0 ? ` (not read from ${unread.join(", ")})` : "";
    return failed(head, "active nowhere", `the DVIPA ${ha.dvipa} is active on none of the stacks${note}`);
  }
  const found = `ACTIVE on ${names.join(", ")}`;
  if (names.length > 1) return failed(head, found, `the DVIPA ${ha.dvipa} is active on ${names.length} stacks at once: ${names.join(", ")}`);
  if (names[0] === ha.distributor) return healthy(head, found);
  if (names[0] === ha.distributorBackup) return degraded(head, found, `${names[0]} has taken the DVIPA over from ${ha.distributor}`);
  return degraded(head, found, `the DVIPA is active on ${names[0]}, which is neither ${ha.distributor} nor its backup`);
}

// ---------------------------------------------------------------------------
// The VIPADISTRIBUTE definition on the distributing stack.

interface Distribution {
  readonly from: string;
  readonly entries: readonly VipaDistributeEntry[];
}

function findDistribution(view: View): Distribution | { problem: (head: Head) => Check } {
  const { ha } = view;
  const candidates = [view.distributing, view.stacks.find((s) => s.system.name === ha.distributor)].filter((s): s is Stack => s !== undefined);
  if (candidates.length === 0) {
    return { problem: (head) => failed(head, "no distributing stack", `no stack holds the DVIPA ${ha.dvipa}, so nothing distributes it`) };
  }
  // After a takeover the backup may show only what it inherited; the defining stack's own configuration is the fallback.
  for (const s of candidates) {
    if (s.cfg.state !== "ok") continue;
    const entries = s.cfg.data.distributes.filter((d) => sameAddress(d.destAddress, ha.dvipa) && d.destPort === ha.port && !d.deactivated);
    if (entries.length > 0) return { from: s.system.name, entries };
  }
  // The defining stack is down and the one that took over shows only its own VIPABACKUP: the
  // definition cannot be read now, which is a consequence of the outage, not a wrong set-up.
  const definer = view.stacks.find((s) => s.system.name === ha.distributor);
  if (definer && definer.cfg.state === "read-failed" && definer.cfg.read.kind === "down") {
    const why = definer.cfg.read.message;
    return { problem: (head) => degraded(head, "not readable now", `${ha.distributor} is not active (${why}): its VIPADISTRIBUTE cannot be read; ${view.distributing?.system.name ?? "no stack"} distributes what it took over`) };
  }
  const first = candidates[0];
  if (first.cfg.state !== "ok") return { problem: (head) => displayProblem({ ...head, system: head.system }, first.cfg as Exclude<typeof first.cfg, { state: "ok" }>, first.system) };
  return {
    problem: (head) => failed(head, "no VIPADISTRIBUTE", `${candidates.map((s) => s.system.name).join(", ")}: VIPADCFG shows no VIPADISTRIBUTE for ${ha.dvipa}..${ha.port}`),
  };
}

function distributionChecks(view: View): Check[] {
  const { ha, t } = view;
  const dist = findDistribution(view);
  const members = zosmfHaSystems(t);
  const targetsText = members.map((m) => (m.role === "PREFERRED" ? `${m.system.name} PREFERRED` : `${m.system.name} BACKUP ${m.rank}`)).join(", ");
  const heads: Head[] = [
    { id: "tcpip.vipadistribute.method", system: "-", title: `VIPADISTRIBUTE ${ha.dvipa}..${ha.port} method`, expected: "DISTMETHOD HOTSTANDBY" },
    { id: "tcpip.vipadistribute.targets", system: "-", title: `VIPADISTRIBUTE ${ha.dvipa}..${ha.port} targets`, expected: targetsText },
    {
      id: "tcpip.vipadistribute.autoswitchback",
      system: "-",
      title: `VIPADISTRIBUTE ${ha.dvipa}..${ha.port} switch-back`,
      expected: ha.autoSwitchBack ? "AUTOSWITCHBACK" : "NOAUTOSWITCHBACK",
    },
  ];
  if ("problem" in dist) return heads.map(dist.problem);
  const on = `on ${dist.from}`;

  const methods = [...new Set(dist.entries.map((e) => e.distMethod ?? e.distMethodRaw ?? "(blank)"))];
  const method = methods.length === 1 && methods[0] === "HOTSTANDBY"
    ? healthy(heads[0], `HOTSTANDBY ${on}`)
    : failed(heads[0], `${methods.join(", ")} ${on}`, `${dist.from}: VIPADISTRIBUTE ${ha.dvipa}..${ha.port} uses DISTMETHOD ${methods.join(", ")}, not HOTSTANDBY`);

  const problems: string[] = [];
  for (const m of members) {
    const xcf = m.system.tcpip.dynamicXcf.address;
    const e = dist.entries.find((x) => sameAddress(x.destXcf, xcf));
    if (e === undefined) {
      problems.push(`${m.system.name} (DESTIP ${xcf}) is not a target`);
      continue;
    }
    if (e.srvType !== m.role) problems.push(`${m.system.name} is ${e.srvType ?? "neither PREFERRED nor BACKUP"}, not ${m.role}`);
    else if (m.role === "BACKUP" && e.rank !== null && e.rank !== m.rank) problems.push(`${m.system.name} has BACKUP rank ${e.rank}, not ${m.rank}`);
  }
  for (const e of dist.entries) {
    if (!members.some((m) => sameAddress(e.destXcf, m.system.tcpip.dynamicXcf.address))) problems.push(`${xcfName(view, e.destXcf)} is a target the topology does not name`);
  }
  const found = dist.entries.map((e) => `${xcfName(view, e.destXcf)} ${e.srvType ?? "?"}${e.srvType === "BACKUP" && e.rank !== null ? ` ${e.rank}` : ""}`).join(", ");
  const targets = problems.length === 0 ? healthy(heads[1], `${found} ${on}`) : failed(heads[1], `${found} ${on}`, `${dist.from}: ${problems.join("; ")}`);

  const values = [...new Set(dist.entries.map((e) => e.autoSwitchBack))];
  const shown = values.map((v) => (v === true ? "AUTOSWITCHBACK" : v === false ? "NOAUTOSWITCHBACK" : "not shown"));
  const asb =
    values.length === 1 && values[0] === ha.autoSwitchBack
      ? healthy(heads[2], `${shown[0]} ${on}`)
      : failed(heads[2], `${shown.join(", ")} ${on}`, `${dist.from}: switch-back is ${shown.join(", ")}, the topology says ${heads[2].expected}`);
  return [method, targets, asb];
}

// ---------------------------------------------------------------------------
// The VDPT of the distributing stack: who is Active, who is ready.

const isActive = (e: VdptEntry): boolean => (e.flg ?? "").split(/\s+/).includes("ACTIVE");
const ready = (e: VdptEntry | undefined): boolean => (e?.rdy ?? 0) >= 1;

/** The live switch-back setting, or the topology's when the display does not say. */
function liveSwitchBack(view: View): boolean {
  const dist = findDistribution(view);
  if (!("problem" in dist)) {
    const shown = dist.entries.map((e) => e.autoSwitchBack).find((v) => v !== null);
    if (shown !== undefined && shown !== null) return shown;
  }
  return view.ha.autoSwitchBack;
}

function vdptChecks(view: View): Check[] {
  const { ha, t } = view;
  const members = zosmfHaSystems(t);
  const preferred = members[0].system.name;
  const backups = members.slice(1).map((m) => m.system.name);
  const heads = {
    oneActive: { id: "tcpip.vdpt.one-active", system: "-", title: "Exactly one hot-standby target Active (VDPT)", expected: "one target with Flg: Active" } satisfies Head,
    preferredActive: {
      id: "tcpip.vdpt.preferred-active",
      system: "-",
      title: `Preferred target ${preferred} Active when ready`,
      expected: ha.autoSwitchBack ? `${preferred} Active whenever it has a ready listener (AUTOSWITCHBACK)` : `${preferred} Active (NOAUTOSWITCHBACK: a backup keeps serving after a takeover)`,
    } satisfies Head,
    hotStandby: { id: "tcpip.hotstandby", system: "-", title: "z/OSMF hot standby in force", expected: `${preferred} Active, a ready standby on ${backups.join(", ")}` } satisfies Head,
    ready: (name: string): Head => ({
      id: "tcpip.vdpt.ready",
      system: name,
      title: `z/OSMF listener ready on ${name} (VDPT Rdy)`,
      expected: `Rdy >= 1 for ${xcfOf(t, name)}..${ha.port}`,
    }),
  };
  const all: Head[] = [heads.oneActive, ...members.map((m) => heads.ready(m.system.name)), heads.preferredActive, heads.hotStandby];

  const d = view.distributing;
  if (d === undefined) {
    const reason = `no stack holds the DVIPA ${ha.dvipa}, so nothing distributes z/OSMF`;
    return all.map((h) => failed(h, "no distributing stack", reason));
  }
  if (d.vdpt.state !== "ok") {
    const bad = d.vdpt;
    return all.map((h) => displayProblem(h, bad, d.system));
  }
  const entries = d.vdpt.data.entries.filter((e) => e.target === "stack" && sameAddress(e.destAddress, ha.dvipa) && e.destPort === ha.port);
  const entryOf = (name: string) => entries.find((e) => sameAddress(e.destXcf, xcfOf(t, name)));
  const rdyText = (e: VdptEntry | undefined) => (e === undefined ? "not a target" : `Rdy ${e.rdy ?? "not shown"}${isActive(e) ? ", Active" : ""}`);
  const active = entries.filter(isActive);
  const activeNames = active.map((e) => xcfName(view, e.destXcf));
  const on = `in the VDPT of ${d.system.name}`;
  const checks: Check[] = [];

  // One Active target.
  if (active.length === 1) checks.push(healthy(heads.oneActive, `${activeNames[0]} Active ${on}`));
  else if (active.length === 0) checks.push(failed(heads.oneActive, `none Active ${on}`, `${d.system.name}: no hot-standby target for ${ha.dvipa}..${ha.port} is Active: z/OSMF is not served`));
  else checks.push(failed(heads.oneActive, `${activeNames.join(", ")} Active ${on}`, `${d.system.name}: ${active.length} targets are Active at once`));

  const activeName = active.length === 1 ? activeNames[0] : undefined;
  const servedByBackup = activeName !== undefined && backups.includes(activeName) && ready(active[0]);
  const notReadyWhy = (name: string, e: VdptEntry | undefined): string => {
    const down = systemDown(view.snapshot, name);
    if (down !== undefined) return `${name} is not active`;
    return e === undefined ? `${name} is not a target in the VDPT` : `${name} has no ready listener`;
  };

  // Rdy on every target.
  for (const m of members) {
    const name = m.system.name;
    const e = entryOf(name);
    const head = heads.ready(name);
    if (ready(e)) checks.push(healthy(head, `${rdyText(e)} ${on}`));
    else if (m.role === "BACKUP") checks.push(failed(head, `${rdyText(e)} ${on}`, `no standby on ${name}: ${notReadyWhy(name, e)} (${d.system.name} VDPT)`));
    else if (servedByBackup) checks.push(degraded(head, `${rdyText(e)} ${on}`, `${notReadyWhy(name, e)}; ${activeName} is serving`));
    else checks.push(failed(head, `${rdyText(e)} ${on}`, `${notReadyWhy(name, e)} and no backup is serving`));
  }

  // Preferred Active when it can be, and the overall verdict.
  const pe = entryOf(preferred);
  const switchBack = liveSwitchBack(view);
  const readyBackups = backups.filter((b) => ready(entryOf(b)));
  const missing = backups.filter((b) => !ready(entryOf(b)));
  if (activeName === preferred) {
    checks.push(healthy(heads.preferredActive, `${preferred} Active ${on}`));
    if (!ready(pe)) checks.push(failed(heads.hotStandby, `${preferred} Active without a listener`, `${preferred} is Active but has no ready listener: z/OSMF requests fail`));
    else if (missing.length === 0) checks.push(healthy(heads.hotStandby, `${preferred} serving; standby ready on ${readyBackups.join(", ")}`));
    else if (readyBackups.length === 0) checks.push(failed(heads.hotStandby, `${preferred} serving; no standby ready`, `no standby on ${missing.join(", ")}: a failure of ${preferred} would stop z/OSMF`));
    else checks.push(degraded(heads.hotStandby, `${preferred} serving; standby ready on ${readyBackups.join(", ")}`, `no standby on ${missing.join(", ")}`));
  } else if (activeName !== undefined && backups.includes(activeName)) {
    const found = `${activeName} serving ${on}`;
    const down = systemDown(view.snapshot, preferred);
    let why: string;
    if (!ready(active[0])) why = `${activeName} is Active but has no ready listener: z/OSMF requests fail`;
    else if (down !== undefined) why = `${activeName} is serving because ${preferred} is not active`;
    else if (!ready(pe)) why = `${activeName} is serving because ${preferred} has no ready listener`;
    else if (!switchBack) why = `${activeName} is serving: NOAUTOSWITCHBACK keeps the backup serving after ${preferred} came back`;
    else why = `${activeName} is serving although ${preferred} has a ready listener and AUTOSWITCHBACK is on`;

    if (!ready(pe)) checks.push(degraded(heads.preferredActive, `${activeName} Active; ${preferred} ${rdyText(pe)}`, `${notReadyWhy(preferred, pe)}; ${activeName} is serving`));
    else if (!switchBack) checks.push(degraded(heads.preferredActive, `${activeName} Active; ${preferred} ${rdyText(pe)}`, why));
    else checks.push(failed(heads.preferredActive, `${activeName} Active; ${preferred} ${rdyText(pe)}`, `${preferred} has a ready listener and AUTOSWITCHBACK is on, yet ${activeName} is Active`));

    checks.push(ready(active[0]) ? degraded(heads.hotStandby, found, why) : failed(heads.hotStandby, found, why));
  } else {
    const reason = activeName === undefined
      ? active.length === 0 ? `nothing is Active in the VDPT of ${d.system.name}: z/OSMF is not served through ${ha.dvipa}` : `${active.length} targets are Active at once`
      : `${activeName} is Active but is not a z/OSMF target of the topology`;
    checks.push(failed(heads.preferredActive, activeName ? `${activeName} Active` : "none Active", reason));
    checks.push(failed(heads.hotStandby, activeName ? `${activeName} Active` : "none Active", reason));
  }
  return checks;
}

function xcfOf(t: Topology, name: string): string {
  return systemByName(t, name).tcpip.dynamicXcf.address;
}

export const tcpipChecks: CheckModule = {
  name: "tcpip",
  applies: (t) => t.zosmfHa !== undefined,
  systemReads(t, system) {
    if (!tcpipSystems(t).some((s) => s.name === system.name)) return [];
    const ha = t.zosmfHa!;
    // Only a stack that distributes, or may take over distributing, has a VDPT worth reading.
    const mayDistribute = system.name === ha.distributor || system.name === ha.distributorBackup;
    return [netstatRead(system, "VIPADCFG"), ...(mayDistribute ? [netstatRead(system, "VDPT")] : []), netstatRead(system, "VIPADYN")];
  },
  judge(snapshot) {
    const view = buildView(snapshot);
    return [...dynamicXcfChecks(view), ...roleChecks(view), oneActiveCheck(view), ...distributionChecks(view), ...vdptChecks(view)];
  },
};
