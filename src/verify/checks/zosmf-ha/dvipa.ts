import { backupInForce, defineInForce } from "../../../tcpip/in-force";
import { isActiveHolder, type Holding } from "../../../tcpip/holding";
import type { Check } from "../../types";
import { degraded, failed, healthy } from "../../verdict";
import { displayProblem } from "../netstat";
import type { Head, View } from "./stacks";

/*
 * Every hot-standby stack in the sysplex group, the DVIPA defined and active on the
 * distributor and held in backup on its backup, and active on exactly one stack.
 */

function holdingText(h: Holding | undefined): string {
  return isActiveHolder(h) ? "ACTIVE" : h === "backup" ? "BACKUP" : h === "target" ? "target only" : "not held";
}

export function dynamicXcfChecks(view: View): Check[] {
  return view.stacks.map((s) => {
    const head: Head = {
      id: "tcpip.dynamicxcf",
      system: s.system.name,
      title: "TCP/IP stack in the sysplex group (DYNAMICXCF)",
      expected: `DYNAMICXCF ${s.system.tcpip.dynamicXcf.address}; stack ${s.system.tcpip.proc} in the sysplex group`,
    };
    for (const d of [s.cfg, s.dyn]) {
      if (d.state === "ok" && d.notInSysplex) {
        return failed(
          head,
          "not in the sysplex group",
          `${s.system.name}: TCP/IP ${s.system.tcpip.proc} is not in the sysplex group (${d.notInSysplex})`,
        );
      }
      if (d.state !== "ok") return displayProblem(head, d, s.system);
    }
    return healthy(head, "in the sysplex group");
  });
}

export function roleChecks(view: View): Check[] {
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
    const configured = (role === "define" ? defineInForce : backupInForce)(s.cfg.data, ha.dvipa);
    const statement = role === "define" ? "VIPADEFINE" : "VIPABACKUP";
    if (!configured) {
      checks.push(failed(head, `no ${statement}`, `${name}: VIPADCFG shows no ${statement} for ${ha.dvipa}`));
      continue;
    }
    if (s.dyn.state !== "ok") {
      checks.push(displayProblem(head, s.dyn, s.system));
      continue;
    }
    const found = `${statement}; ${holdingText(s.holding)}`;
    const other = view.owners.find((o) => o.system.name !== name)?.system.name;
    if (role === "define") {
      if (isActiveHolder(s.holding)) checks.push(healthy(head, found));
      else if (other) checks.push(degraded(head, found, `${name}: the DVIPA is active on ${other}, not on its defining stack`));
      else checks.push(failed(head, found, `${name}: the DVIPA ${ha.dvipa} is not active here nor anywhere else`));
    } else {
      // A backup that is also a distribution target may list the DVIPA as a target; VIPABACKUP is configured either way.
      if (s.holding === "backup" || s.holding === "target") checks.push(healthy(head, found));
      else if (isActiveHolder(s.holding)) checks.push(degraded(head, found, `${name} has taken the DVIPA over from ${ha.distributor}`));
      else checks.push(failed(head, found, `${name} does not hold ${ha.dvipa} in backup: a takeover would leave the DVIPA nowhere`));
    }
  }
  return checks;
}

export function oneActiveCheck(view: View): Check {
  const { ha } = view;
  const head: Head = {
    id: "tcpip.dvipa.one-active",
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
  if (names.length > 1)
    return failed(head, found, `the DVIPA ${ha.dvipa} is active on ${names.length} stacks at once: ${names.join(", ")}`);
  if (names[0] === ha.distributor) return healthy(head, found);
  if (names[0] === ha.distributorBackup) return degraded(head, found, `${names[0]} has taken the DVIPA over from ${ha.distributor}`);
  return degraded(head, found, `the DVIPA is active on ${names[0]}, which is neither ${ha.distributor} nor its backup`);
}
