import type { VdptEntry } from "../../../parsers";
import { sameAddress } from "../../../tcpip/addresses";
import { zosmfHaSystems } from "../../../topology";
import type { Check } from "../../types";
import { degraded, failed, healthy, systemDown } from "../../verdict";
import { displayProblem } from "../netstat";
import { liveSwitchBack } from "./distribution";
import { xcfOf, type Head, type Stack, type View } from "./stacks";

/* The VDPT of the distributing stack: who is Active, who is ready. */

const isActive = (e: VdptEntry): boolean => (e.flg ?? "").split(/\s+/).includes("ACTIVE");
const ready = (e: VdptEntry | undefined): boolean => (e?.rdy ?? 0) >= 1;
const rdyText = (e: VdptEntry | undefined) =>
  e === undefined ? "not a target" : `Rdy ${e.rdy ?? "not shown"}${isActive(e) ? ", Active" : ""}`;

interface Heads {
  readonly oneActive: Head;
  readonly preferredActive: Head;
  readonly hotStandby: Head;
  readonly ready: (name: string) => Head;
}

/** The distributing stack's VDPT as the checks below read it. */
interface Table {
  readonly view: View;
  readonly heads: Heads;
  readonly d: Stack;
  readonly preferred: string;
  readonly backups: readonly string[];
  readonly entryOf: (name: string) => VdptEntry | undefined;
  readonly active: readonly VdptEntry[];
  /** The one Active target, by name; undefined when none or several are Active. */
  readonly activeName?: string;
  readonly on: string;
}

function headsOf(view: View, preferred: string, backups: readonly string[]): Heads {
  const { ha, t } = view;
  return {
    oneActive: {
      id: "tcpip.vdpt.one-active",
      title: "Exactly one hot-standby target Active (VDPT)",
      expected: "one target with Flg: Active",
    },
    preferredActive: {
      id: "tcpip.vdpt.preferred-active",
      title: `Preferred target ${preferred} Active when ready`,
      expected: ha.autoSwitchBack
        ? `${preferred} Active whenever it has a ready listener (AUTOSWITCHBACK)`
        : `${preferred} Active (NOAUTOSWITCHBACK: a backup keeps serving after a takeover)`,
    },
    hotStandby: {
      id: "tcpip.hotstandby",
      title: "z/OSMF hot standby in force",
      expected: `${preferred} Active, a ready standby on ${backups.join(", ")}`,
    },
    ready: (name) => ({
      id: "tcpip.vdpt.ready",
      system: name,
      title: `z/OSMF listener ready on ${name} (VDPT Rdy)`,
      expected: `Rdy >= 1 for ${xcfOf(t, name)}..${ha.port}`,
    }),
  };
}

function oneActiveCheck(x: Table): Check {
  const { ha } = x.view;
  const names = x.active.map((e) => x.view.xcfName(e.destXcf));
  if (x.active.length === 1) return healthy(x.heads.oneActive, `${names[0]} Active ${x.on}`);
  if (x.active.length === 0)
    return failed(
      x.heads.oneActive,
      `none Active ${x.on}`,
      `${x.d.system.name}: no hot-standby target for ${ha.dvipa}..${ha.port} is Active: z/OSMF is not served`,
    );
  return failed(
    x.heads.oneActive,
    `${names.join(", ")} Active ${x.on}`,
    `${x.d.system.name}: ${x.active.length} targets are Active at once`,
  );
}

function notReadyWhy(x: Table, name: string, e: VdptEntry | undefined): string {
  if (systemDown(x.view.snapshot, name) !== undefined) return `${name} is not active`;
  return e === undefined ? `${name} is not a target in the VDPT` : `${name} has no ready listener`;
}

/** Rdy on every target: a backup without one is no standby; a preferred one without is covered only by a serving backup. */
function readyChecks(x: Table): Check[] {
  const servedByBackup = x.activeName !== undefined && x.backups.includes(x.activeName) && ready(x.active[0]);
  return zosmfHaSystems(x.view.t).map((m) => {
    const name = m.system.name;
    const e = x.entryOf(name);
    const head = x.heads.ready(name);
    const found = `${rdyText(e)} ${x.on}`;
    if (ready(e)) return healthy(head, found);
    if (m.role === "BACKUP") return failed(head, found, `no standby on ${name}: ${notReadyWhy(x, name, e)} (${x.d.system.name} VDPT)`);
    if (servedByBackup) return degraded(head, found, `${notReadyWhy(x, name, e)}; ${x.activeName} is serving`);
    return failed(head, found, `${notReadyWhy(x, name, e)} and no backup is serving`);
  });
}

/** The preferred target serving: in force when a standby is ready behind it. */
function preferredServing(x: Table): Check[] {
  const { preferred, heads } = x;
  const readyBackups = x.backups.filter((b) => ready(x.entryOf(b)));
  const missing = x.backups.filter((b) => !ready(x.entryOf(b)));
  const served = `${preferred} serving; standby ready on ${readyBackups.join(", ")}`;
  let overall: Check;
  if (!ready(x.entryOf(preferred)))
    overall = failed(
      heads.hotStandby,
      `${preferred} Active without a listener`,
      `${preferred} is Active but has no ready listener: z/OSMF requests fail`,
    );
  else if (missing.length === 0) overall = healthy(heads.hotStandby, served);
  else if (readyBackups.length === 0)
    overall = failed(
      heads.hotStandby,
      `${preferred} serving; no standby ready`,
      `no standby on ${missing.join(", ")}: a failure of ${preferred} would stop z/OSMF`,
    );
  else overall = degraded(heads.hotStandby, served, `no standby on ${missing.join(", ")}`);
  return [healthy(heads.preferredActive, `${preferred} Active ${x.on}`), overall];
}

/** A backup serving: why, and whether the preferred target should have taken over again. */
function backupServing(x: Table, activeName: string): Check[] {
  const { preferred, heads } = x;
  const pe = x.entryOf(preferred);
  const switchBack = liveSwitchBack(x.view);
  const found = `${activeName} serving ${x.on}`;
  let why: string;
  if (!ready(x.active[0])) why = `${activeName} is Active but has no ready listener: z/OSMF requests fail`;
  else if (systemDown(x.view.snapshot, preferred) !== undefined) why = `${activeName} is serving because ${preferred} is not active`;
  else if (!ready(pe)) why = `${activeName} is serving because ${preferred} has no ready listener`;
  else if (!switchBack) why = `${activeName} is serving: NOAUTOSWITCHBACK keeps the backup serving after ${preferred} came back`;
  else why = `${activeName} is serving although ${preferred} has a ready listener and AUTOSWITCHBACK is on`;

  const shown = `${activeName} Active; ${preferred} ${rdyText(pe)}`;
  let preferredCheck: Check;
  if (!ready(pe)) preferredCheck = degraded(heads.preferredActive, shown, `${notReadyWhy(x, preferred, pe)}; ${activeName} is serving`);
  else if (!switchBack) preferredCheck = degraded(heads.preferredActive, shown, why);
  else
    preferredCheck = failed(
      heads.preferredActive,
      shown,
      `${preferred} has a ready listener and AUTOSWITCHBACK is on, yet ${activeName} is Active`,
    );
  return [preferredCheck, ready(x.active[0]) ? degraded(heads.hotStandby, found, why) : failed(heads.hotStandby, found, why)];
}

/** Preferred Active when it can be, and the overall verdict. */
function servingChecks(x: Table): Check[] {
  const { activeName } = x;
  if (activeName === x.preferred) return preferredServing(x);
  if (activeName !== undefined && x.backups.includes(activeName)) return backupServing(x, activeName);
  const { ha } = x.view;
  const reason =
    activeName === undefined
      ? x.active.length === 0
        ? `nothing is Active in the VDPT of ${x.d.system.name}: z/OSMF is not served through ${ha.dvipa}`
        : `${x.active.length} targets are Active at once`
      : `${activeName} is Active but is not a z/OSMF target of the topology`;
  const found = activeName ? `${activeName} Active` : "none Active";
  return [failed(x.heads.preferredActive, found, reason), failed(x.heads.hotStandby, found, reason)];
}

/** The one target Active in the distributing stack's VDPT for the DVIPA port: the system that serves it. */
export function servingTarget(view: View): string | undefined {
  const d = view.distributing;
  if (d === undefined || d.vdpt.state !== "ok") return undefined;
  const { ha } = view;
  const active = d.vdpt.data.entries.filter(
    (e) => e.target === "stack" && sameAddress(e.destAddress, ha.dvipa) && e.destPort === ha.port && isActive(e),
  );
  return active.length === 1 ? view.xcfName(active[0].destXcf) : undefined;
}

export function vdptChecks(view: View): Check[] {
  const { ha, t } = view;
  const members = zosmfHaSystems(t);
  const preferred = members[0].system.name;
  const backups = members.slice(1).map((m) => m.system.name);
  const heads = headsOf(view, preferred, backups);
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
  const active = entries.filter(isActive);
  const activeName = active.length === 1 ? view.xcfName(active[0].destXcf) : undefined;
  const x: Table = {
    view,
    heads,
    d,
    preferred,
    backups,
    active,
    on: `in the VDPT of ${d.system.name}`,
    entryOf: (name) => entries.find((e) => sameAddress(e.destXcf, xcfOf(t, name))),
    ...(activeName !== undefined ? { activeName } : {}),
  };
  return [oneActiveCheck(x), ...readyChecks(x), ...servingChecks(x)];
}
