/**
 * The sysplex prerequisites of z/OSMF HA (sysplex.console, .saf, .uss, .jes2), judged as the
 * plan judges them (src/prerequisites): each system that holds a server is asked the display,
 * then the answers of all systems that are up are judged together. Unknown is never healthy.
 */
import { PREREQUISITES, type Answer, type Prerequisite, type PrerequisiteResult } from "../../prerequisites";
import { zosmfHaSystems, type Topology } from "../../topology";
import type { Check, CheckModule, Snapshot } from "../types";
import { failed, healthy, systemRead } from "../verdict";

const keyOf = (p: Prerequisite<unknown>) => `prerequisite:${p.command}`;
const serverSystems = (t: Topology) => zosmfHaSystems(t).map((m) => m.system.name);

function answersOf(snapshot: Snapshot, p: Prerequisite<unknown>, systems: readonly string[]): Answer<unknown>[] {
  return systems.map((system) => {
    const read = systemRead<string>(snapshot, system, keyOf(p));
    if (read === undefined) return { system, error: `${p.command} was not issued` };
    return read.ok ? { system, parsed: p.parse(read.value) } : { system, error: read.message };
  });
}

function toCheck(r: PrerequisiteResult, command: string): Check {
  const head = { id: r.id, title: `sysplex prerequisite of z/OSMF HA (${command})`, expected: "the same on every system" };
  if (r.state === "ok") return healthy(head, r.summary);
  return failed(head, r.state === "unknown" ? "could not tell" : "not met", [r.summary, ...r.details].join("\n"));
}

export const prerequisiteChecks: CheckModule = {
  name: "prerequisites",
  applies: (t) => t.zosmfHa !== undefined,
  systemReads(t, system) {
    if (!serverSystems(t).includes(system.name)) return [];
    const sysplex = serverSystems(t);
    return PREREQUISITES.map((p) => ({
      key: keyOf(p),
      run: (ctx) => ctx.display(p.command),
      display: { command: p.command, looksWhole: (text: string) => p.isComplete(text, sysplex) },
    }));
  },
  judge(snapshot) {
    // A system that is down is its own check (system.active); the others are judged among themselves.
    const up = serverSystems(snapshot.topology).filter((s) => !snapshot.down.has(s));
    if (up.length === 0) return [];
    return PREREQUISITES.map((p) => toCheck(p.judge(answersOf(snapshot, p, up), up), p.command));
  },
};
