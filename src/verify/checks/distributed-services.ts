import type { VdptEntry, VipaDistributeEntry } from "../../parsers";
import { optLocText, sameAddress, xcfNamer, type XcfNamer } from "../../tcpip/addresses";
import { holdingIn, type Holding } from "../../tcpip/holding";
import { distributesOf } from "../../tcpip/in-force";
import { systemByName, type DistributedService, type TopologySystem } from "../../topology";
import type { Check, CheckModule, ReadSpec, Snapshot } from "../types";
import { degraded, failed, healthy, type CheckHead as Head } from "../verdict";
import { displayProblem, queryDisplay, queryRead, truncationNote, type Display, type NetstatQuery } from "./netstat";

/*
 * A Sysplex Distributor in front of a set of servers (z/OS Connect, IMS Connect): the
 * distributing stack defines the distribution as the topology says, holds the DVIPA with
 * a backup stack ready to take it over, and sees a ready listener on every target.
 */

type Target = DistributedService["targets"][number];

// DETAIL is what shows OPTLOC and the WEIGHTEDACTIVE weights.
const CFG: NetstatQuery<"VIPADCFG"> = { report: "VIPADCFG", options: ["DETAIL"] };
const DYN: NetstatQuery<"VIPADYN"> = { report: "VIPADYN" };
const VDPT: NetstatQuery<"VDPT"> = { report: "VDPT" };

const HOLDING_TEXT: Record<Holding, string> = {
  distributing: "ACTIVE, distributing",
  owner: "ACTIVE, not distributing",
  backup: "BACKUP",
  target: "target only",
  none: "not held",
};

interface Stack {
  readonly system: TopologySystem;
  readonly role: "distributor" | "backup";
  readonly dyn: Display<"VIPADYN">;
  readonly vdpt: Display<"VDPT">;
  readonly holding?: Holding;
}

interface View {
  readonly svc: DistributedService;
  readonly distributor: TopologySystem;
  readonly cfg: Display<"VIPADCFG">;
  readonly stacks: readonly Stack[];
  /** Names a DESTIP by its system, for targets the topology does not name. */
  readonly xcfName: XcfNamer;
  /** System name → its dynamic XCF address: the DESTIP a target is known by. */
  readonly xcf: ReadonlyMap<string, string>;
}

function buildView(snapshot: Snapshot, svc: DistributedService): View {
  const t = snapshot.topology;
  const roles: [string, Stack["role"]][] = [
    [svc.distributor, "distributor"],
    ...(svc.distributorBackup ? [[svc.distributorBackup, "backup"] as [string, Stack["role"]]] : []),
  ];
  const stacks = roles.map(([name, role]): Stack => {
    const system = systemByName(t, name);
    const dyn = queryDisplay(snapshot, system, DYN);
    return {
      system,
      role,
      dyn,
      vdpt: queryDisplay(snapshot, system, VDPT),
      ...(dyn.state === "ok" ? { holding: holdingIn(dyn.data, svc.dvipa) } : {}),
    };
  });
  const xcf = new Map(t.systems.map((s) => [s.name, s.tcpip.dynamicXcf.address]));
  const distributor = systemByName(t, svc.distributor);
  return { svc, distributor, cfg: queryDisplay(snapshot, distributor, CFG), stacks, xcfName: xcfNamer(t), xcf };
}

function xcfOf(view: View, target: Target): string {
  return view.xcf.get(target.system) ?? "";
}

function who(target: Target): string {
  return `${target.system} (${target.server})`;
}

// ---------------------------------------------------------------------------
// VIPADCFG DETAIL on the distributor: method, OPTLOCAL, targets, weights.

function distributesFor(view: View, port: number): VipaDistributeEntry[] {
  return view.cfg.state === "ok" ? distributesOf(view.cfg.data, view.svc.dvipa, port) : [];
}

/** `DESTIP ALL` names every stack in the sysplex at once. */
function entryForTarget(view: View, entries: readonly VipaDistributeEntry[], target: Target): VipaDistributeEntry | undefined {
  return entries.find((e) => sameAddress(e.destXcf, xcfOf(view, target))) ?? entries.find((e) => sameAddress(e.destXcf, "ALL"));
}

function vipadcfgCheck(view: View): Check {
  const { svc } = view;
  const expectedOptLoc = svc.optLocal ?? false;
  const head: Head = {
    id: `services.${svc.name}.vipadcfg`,
    system: svc.distributor,
    title: `VIPADISTRIBUTE for ${svc.name} (${svc.dvipa})`,
    expected: `${svc.dvipa} PORT ${svc.ports.join(" ")} DISTMETHOD ${svc.distMethod} ${optLocText(expectedOptLoc)} DESTIP ${svc.targets.map((t) => t.system).join(", ")}`,
  };
  if (view.cfg.state !== "ok") return displayProblem(head, view.cfg, view.distributor);

  const wrong: string[] = [];
  const strays: string[] = [];
  const found: string[] = [];
  for (const port of svc.ports) {
    const entries = distributesFor(view, port);
    if (entries.length === 0) {
      wrong.push(`no VIPADISTRIBUTE for ${svc.dvipa}..${port}`);
      found.push(`${port}: not distributed`);
      continue;
    }
    const methods = [...new Set(entries.map((e) => e.distMethod ?? e.distMethodRaw ?? "(blank)"))];
    if (methods.length !== 1 || methods[0] !== svc.distMethod)
      wrong.push(`${svc.dvipa}..${port} uses DISTMETHOD ${methods.join(", ")}, not ${svc.distMethod}`);
    const optLocs = [...new Set(entries.map((e) => e.optLoc))];
    // An older release may not show OPTLOC; that only matters when the topology asks for OPTLOCAL.
    const optLocWrong = optLocs.some((v) => (v === null ? svc.optLocal !== undefined : v !== expectedOptLoc));
    if (optLocWrong) wrong.push(`${svc.dvipa}..${port} has ${optLocs.map(optLocText).join(", ")}, not ${optLocText(expectedOptLoc)}`);
    for (const target of svc.targets) {
      const e = entryForTarget(view, entries, target);
      if (e === undefined) {
        wrong.push(`${who(target)} at DESTIP ${xcfOf(view, target)} is not a target of ${svc.dvipa}..${port}`);
      } else if (svc.distMethod === "HOTSTANDBY" && target.role !== undefined && e.srvType !== target.role) {
        wrong.push(`${who(target)} is ${e.srvType ?? "neither PREFERRED nor BACKUP"} on ${port}, not ${target.role}`);
      } else if (
        svc.distMethod === "HOTSTANDBY" &&
        target.role === "BACKUP" &&
        target.rank !== undefined &&
        e.rank !== null &&
        e.rank !== target.rank
      ) {
        wrong.push(`${who(target)} has BACKUP rank ${e.rank} on ${port}, not ${target.rank}`);
      }
    }
    for (const e of entries) {
      const named = sameAddress(e.destXcf, "ALL") || svc.targets.some((t) => sameAddress(e.destXcf, xcfOf(view, t)));
      if (!named) strays.push(`${view.xcfName(e.destXcf)} is a target of ${svc.dvipa}..${port} the topology does not name`);
    }
    found.push(
      `${port}: ${methods.join(", ")} ${optLocs.map(optLocText).join(", ")} to ${entries.map((e) => view.xcfName(e.destXcf)).join(", ")}`,
    );
  }
  const foundText = `${found.join("; ")} on ${svc.distributor}`;
  if (wrong.length > 0) return failed(head, foundText, `${svc.distributor}: ${[...wrong, ...strays].join("; ")}`);
  // A stray target still serves; the topology and the stack disagree but nothing is lost.
  if (strays.length > 0) return degraded(head, foundText, `${svc.distributor}: ${strays.join("; ")}`);
  return healthy(head, foundText);
}

function weightsCheck(view: View): Check {
  const { svc } = view;
  const head: Head = {
    id: `services.${svc.name}.weights`,
    system: svc.distributor,
    title: `WEIGHTEDACTIVE weights for ${svc.name}`,
    expected: svc.targets.map((t) => `${t.system} ${t.weight ?? "(no weight)"}`).join(", "),
  };
  if (view.cfg.state !== "ok") return displayProblem(head, view.cfg, view.distributor);
  const differ: string[] = [];
  const found: string[] = [];
  for (const port of svc.ports) {
    const entries = distributesFor(view, port);
    const shown = svc.targets.map((target) => {
      const e = entryForTarget(view, entries, target);
      if (e === undefined) return `${target.system} not a target`;
      if (e.weight === null) return `${target.system} weight not shown`;
      if (target.weight !== undefined && e.weight !== target.weight)
        differ.push(`${who(target)} has WEIGHT ${e.weight} on ${port}, not ${target.weight}`);
      return `${target.system} ${e.weight}`;
    });
    found.push(`${svc.ports.length > 1 ? `${port}: ` : ""}${shown.join(", ")}`);
  }
  const foundText = found.join("; ");
  // Other weights still distribute, only in other shares than intended.
  return differ.length > 0 ? degraded(head, foundText, `${svc.distributor}: ${differ.join("; ")}`) : healthy(head, foundText);
}

// ---------------------------------------------------------------------------
// VIPADYN: the DVIPA active on the distributor and in backup on its backup.

function dvipaChecks(view: View): Check[] {
  const { svc } = view;
  const other = (s: Stack) => view.stacks.find((x) => x !== s);
  return view.stacks.map((s) => {
    const head: Head = {
      id: `services.${svc.name}.dvipa`,
      system: s.system.name,
      title:
        s.role === "distributor"
          ? `DVIPA ${svc.dvipa} active and distributed here (${svc.name})`
          : `DVIPA ${svc.dvipa} held in backup here (${svc.name})`,
      expected: s.role === "distributor" ? "ACTIVE, DISTSTAT DIST or DIST/DEST" : "BACKUP (ACTIVE only after a takeover)",
    };
    if (s.dyn.state !== "ok") return displayProblem(head, s.dyn, s.system);
    const holding = s.holding ?? "none";
    const found = HOLDING_TEXT[holding];
    const peer = other(s);
    if (s.role === "distributor") {
      if (holding === "distributing") return healthy(head, found);
      if (peer?.holding === "distributing")
        return degraded(head, found, `${peer.system.name} has taken ${svc.dvipa} over from ${s.system.name}`);
      if (holding === "owner")
        return failed(
          head,
          found,
          `${s.system.name}: ${svc.dvipa} is active but not distributed: every ${svc.name} connection stays on ${s.system.name}`,
        );
      return failed(
        head,
        found,
        `${s.system.name}: ${svc.dvipa} is not active here nor distributed by ${peer?.system.name ?? "a backup"}: ${svc.name} cannot be reached through it`,
      );
    }
    if (holding === "backup") return healthy(head, found);
    if (holding === "distributing" || holding === "owner")
      return degraded(head, found, `${s.system.name} has taken ${svc.dvipa} over from ${svc.distributor}`);
    return failed(
      head,
      found,
      `${s.system.name} does not hold ${svc.dvipa} in backup: a failure of ${svc.distributor} would leave ${svc.name} unreachable`,
    );
  });
}

// ---------------------------------------------------------------------------
// VDPT of the stack distributing now: every target present and ready on every port.

function targetsCheck(view: View): Check {
  const { svc } = view;
  const head: Head = {
    id: `services.${svc.name}.targets`,
    title: `${svc.name} targets ready (VDPT Rdy)`,
    expected: `Rdy >= 1 for ${svc.targets.map(who).join(", ")} on ${svc.ports.join(", ")}`,
  };
  const distributing = view.stacks.find((s) => s.holding === "distributing");
  if (distributing === undefined) {
    const d = view.stacks[0];
    if (d.dyn.state !== "ok") return displayProblem(head, d.dyn, d.system);
    return failed(
      head,
      "no distributing stack",
      `no stack distributes ${svc.dvipa} (read on ${view.stacks.map((s) => s.system.name).join(", ")}): ${svc.name} connections are not balanced`,
    );
  }
  const vdpt = distributing.vdpt;
  if (vdpt.state !== "ok") return displayProblem(head, vdpt, distributing.system);

  const ready = (e: VdptEntry | undefined) => (e?.rdy ?? 0) >= 1;
  const notReady: string[] = [];
  const unserved: number[] = [];
  const found: string[] = [];
  for (const port of svc.ports) {
    const entries = vdpt.data.entries.filter((e) => e.target === "stack" && sameAddress(e.destAddress, svc.dvipa) && e.destPort === port);
    const rows = svc.targets.map((target) => ({ target, e: entries.find((x) => sameAddress(x.destXcf, xcfOf(view, target))) }));
    for (const { target, e } of rows) {
      if (e === undefined) notReady.push(`${who(target)} is not a target for ${port} in the VDPT${truncationNote(vdpt)}`);
      else if (!ready(e)) notReady.push(`${who(target)} has no ready listener on ${port} (Rdy ${e.rdy ?? "not shown"})`);
    }
    if (!rows.some((r) => ready(r.e))) unserved.push(port);
    found.push(
      `${port}: ${rows.map(({ target, e }) => `${target.system} ${e === undefined ? "not a target" : `Rdy ${e.rdy ?? "?"}`}`).join(", ")}`,
    );
  }
  const foundText = `${found.join("; ")} in the VDPT of ${distributing.system.name}`;
  if (unserved.length > 0) {
    return failed(
      head,
      foundText,
      `no ready ${svc.name} target for ${unserved.map((p) => `${svc.dvipa}..${p}`).join(", ")}: ${notReady.join("; ")}`,
    );
  }
  if (notReady.length > 0) return degraded(head, foundText, notReady.join("; "));
  return healthy(head, foundText);
}

// ---------------------------------------------------------------------------

function judgeService(snapshot: Snapshot, svc: DistributedService): Check[] {
  const view = buildView(snapshot, svc);
  return [
    vipadcfgCheck(view),
    ...(svc.distMethod === "WEIGHTEDACTIVE" ? [weightsCheck(view)] : []),
    ...dvipaChecks(view),
    targetsCheck(view),
  ];
}

export const distributedServicesChecks: CheckModule = {
  name: "distributed-services",
  applies: (t) => (t.distributedServices ?? []).length > 0,
  systemReads(t, system) {
    const services = t.distributedServices ?? [];
    const distributes = services.some((s) => s.distributor === system.name);
    const backs = services.some((s) => s.distributorBackup === system.name);
    if (!distributes && !backs) return [];
    // The backup's VDPT is read too: after a takeover it is the table that counts.
    const reads: ReadSpec[] = [queryRead(system, DYN), queryRead(system, VDPT)];
    return distributes ? [queryRead(system, CFG), ...reads] : reads;
  },
  judge(snapshot) {
    return (snapshot.topology.distributedServices ?? []).flatMap((svc) => judgeService(snapshot, svc));
  },
};
