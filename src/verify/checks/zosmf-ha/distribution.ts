import type { VipaDistributeEntry } from "../../../parsers";
import { distributesOf } from "../../../tcpip/in-force";
import { sameAddress } from "../../../tcpip/addresses";
import { zosmfHaSystems } from "../../../topology";
import type { Check } from "../../types";
import { degraded, failed, healthy, systemDown } from "../../verdict";
import { displayProblem } from "../netstat";
import type { Head, Stack, View } from "./stacks";

/* The VIPADISTRIBUTE definition on the distributing stack: method, targets, switch-back. */

interface Distribution {
  readonly from: string;
  readonly entries: readonly VipaDistributeEntry[];
}

function findDistribution(view: View): Distribution | { problem: (head: Head) => Check } {
  const { ha } = view;
  const candidates = [view.distributing, view.stacks.find((s) => s.system.name === ha.distributor)].filter(
    (s): s is Stack => s !== undefined,
  );
  if (candidates.length === 0) {
    return { problem: (head) => failed(head, "no distributing stack", `no stack holds the DVIPA ${ha.dvipa}, so nothing distributes it`) };
  }
  // After a takeover the backup may show only what it inherited; the defining stack's own configuration is the fallback.
  for (const s of candidates) {
    if (s.cfg.state !== "ok") continue;
    const entries = distributesOf(s.cfg.data, ha.dvipa, ha.port);
    if (entries.length > 0) return { from: s.system.name, entries };
  }
  // The defining stack is down and the one that took over shows only its own VIPABACKUP: the
  // definition cannot be read now, which is a consequence of the outage, not a wrong set-up.
  const definer = view.stacks.find((s) => s.system.name === ha.distributor);
  const definerDown = systemDown(view.snapshot, ha.distributor);
  if (definer && definer.cfg.state === "read-failed" && definerDown !== undefined) {
    const why = definerDown;
    return {
      problem: (head) =>
        degraded(
          head,
          "not readable now",
          `${ha.distributor} is not active (${why}): its VIPADISTRIBUTE cannot be read; ${view.distributing?.system.name ?? "no stack"} distributes what it took over`,
        ),
    };
  }
  const first = candidates[0];
  if (first.cfg.state !== "ok")
    return {
      problem: (head) =>
        displayProblem({ ...head, system: head.system }, first.cfg as Exclude<typeof first.cfg, { state: "ok" }>, first.system),
    };
  return {
    problem: (head) =>
      failed(
        head,
        "no VIPADISTRIBUTE",
        `${candidates.map((s) => s.system.name).join(", ")}: VIPADCFG shows no VIPADISTRIBUTE for ${ha.dvipa}..${ha.port}`,
      ),
  };
}

export function distributionChecks(view: View): Check[] {
  const dist = findDistribution(view);
  const [methodHead, targetsHead, switchBackHead] = distributionHeads(view);
  if ("problem" in dist) return [methodHead, targetsHead, switchBackHead].map(dist.problem);
  return [methodCheck(view, dist, methodHead), targetsCheck(view, dist, targetsHead), switchBackCheck(view, dist, switchBackHead)];
}

/** The three checks' heads: what the topology expects of the method, the targets and the switch-back. */
function distributionHeads(view: View): [Head, Head, Head] {
  const { ha, t } = view;
  const targetsText = zosmfHaSystems(t)
    .map((m) => (m.role === "PREFERRED" ? `${m.system.name} PREFERRED` : `${m.system.name} BACKUP ${m.rank}`))
    .join(", ");
  return [
    { id: "tcpip.vipadistribute.method", title: `VIPADISTRIBUTE ${ha.dvipa}..${ha.port} method`, expected: "DISTMETHOD HOTSTANDBY" },
    { id: "tcpip.vipadistribute.targets", title: `VIPADISTRIBUTE ${ha.dvipa}..${ha.port} targets`, expected: targetsText },
    {
      id: "tcpip.vipadistribute.autoswitchback",
      title: `VIPADISTRIBUTE ${ha.dvipa}..${ha.port} switch-back`,
      expected: ha.autoSwitchBack ? "AUTOSWITCHBACK" : "NOAUTOSWITCHBACK",
    },
  ];
}

/** HOTSTANDBY on every entry: any other method spreads connections over the backups too. */
function methodCheck(view: View, dist: Distribution, head: Head): Check {
  const { ha } = view;
  const on = `on ${dist.from}`;
  const methods = [...new Set(dist.entries.map((e) => e.distMethod ?? e.distMethodRaw ?? "(blank)"))];
  return methods.length === 1 && methods[0] === "HOTSTANDBY"
    ? healthy(head, `HOTSTANDBY ${on}`)
    : failed(
        head,
        `${methods.join(", ")} ${on}`,
        `${dist.from}: VIPADISTRIBUTE ${ha.dvipa}..${ha.port} uses DISTMETHOD ${methods.join(", ")}, not HOTSTANDBY`,
      );
}

/** Each HA system a target in its role and rank, and no target the topology does not name. */
function targetsCheck(view: View, dist: Distribution, head: Head): Check {
  const members = zosmfHaSystems(view.t);
  const problems: string[] = [];
  for (const m of members) {
    const xcf = m.system.tcpip.dynamicXcf.address;
    const e = dist.entries.find((x) => sameAddress(x.destXcf, xcf));
    if (e === undefined) {
      problems.push(`${m.system.name} (DESTIP ${xcf}) is not a target`);
      continue;
    }
    if (e.srvType !== m.role) problems.push(`${m.system.name} is ${e.srvType ?? "neither PREFERRED nor BACKUP"}, not ${m.role}`);
    else if (m.role === "BACKUP" && e.rank !== null && e.rank !== m.rank)
      problems.push(`${m.system.name} has BACKUP rank ${e.rank}, not ${m.rank}`);
  }
  for (const e of dist.entries) {
    if (!members.some((m) => sameAddress(e.destXcf, m.system.tcpip.dynamicXcf.address)))
      problems.push(`${view.xcfName(e.destXcf)} is a target the topology does not name`);
  }
  const found = dist.entries
    .map((e) => `${view.xcfName(e.destXcf)} ${e.srvType ?? "?"}${e.srvType === "BACKUP" && e.rank !== null ? ` ${e.rank}` : ""}`)
    .join(", ");
  const on = `on ${dist.from}`;
  return problems.length === 0 ? healthy(head, `${found} ${on}`) : failed(head, `${found} ${on}`, `${dist.from}: ${problems.join("; ")}`);
}

/** The switch-back the topology asks for, on every entry; an entry that does not show it fails too. */
function switchBackCheck(view: View, dist: Distribution, head: Head): Check {
  const on = `on ${dist.from}`;
  const values = [...new Set(dist.entries.map((e) => e.autoSwitchBack))];
  const shown = values.map((v) => (v === true ? "AUTOSWITCHBACK" : v === false ? "NOAUTOSWITCHBACK" : "not shown"));
  return values.length === 1 && values[0] === view.ha.autoSwitchBack
    ? healthy(head, `${shown[0]} ${on}`)
    : failed(head, `${shown.join(", ")} ${on}`, `${dist.from}: switch-back is ${shown.join(", ")}, the topology says ${head.expected}`);
}

/** The live switch-back setting, or the topology's when the display does not say. */
export function liveSwitchBack(view: View): boolean {
  const dist = findDistribution(view);
  if (!("problem" in dist)) {
    const shown = dist.entries.map((e) => e.autoSwitchBack).find((v) => v !== null);
    if (shown !== undefined && shown !== null) return shown;
  }
  return view.ha.autoSwitchBack;
}
