/**
 * The sysplex prerequisites of z/OSMF HA (sysplex.console, .saf, .uss, .jes2), judged as the
 * plan judges them (src/prerequisites): each system that holds a server is asked the display,
 * then the answers of all systems that are up are judged together; a display whose one answer
 * speaks for every system ($D MEMBER) is asked once. Unknown is never healthy.
 */
import { PREREQUISITES, type Answer, type Prerequisite, type PrerequisiteResult } from "../../prerequisites";
import { zosmfHaSystems, type Topology } from "../../topology";
import type { Check, CheckModule, Read, Snapshot } from "../types";
import { failed, healthy, systemRead } from "../verdict";

const keyOf = (p: Prerequisite<unknown>) => `prerequisite:${p.command}`;
const serverSystems = (t: Topology) => zosmfHaSystems(t).map((m) => m.system.name);

/** Who answered a display asked once: the system of the command's own connection. */
const ONE = "the system verify's commands go to";

function answersOf(snapshot: Snapshot, p: Prerequisite<unknown>, systems: readonly string[]): Answer<unknown>[] {
  if (p.oneAnswer) {
    const read = snapshot.sysplex.get(keyOf(p)) as Read<string> | undefined;
    if (read === undefined) return [{ system: ONE, error: `${p.command} was not issued` }];
    return [read.ok ? { system: ONE, parsed: p.parse(read.value) } : { system: ONE, error: read.message }];
  }
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
    return PREREQUISITES.filter((p) => !p.oneAnswer).map((p) => {
      const looksWhole = (text: string) => p.isComplete(text, sysplex);
      return { key: keyOf(p), run: (ctx) => ctx.display(p.command, looksWhole), display: { command: p.command, looksWhole } };
    });
  },
  sysplexReads(t) {
    const sysplex = serverSystems(t);
    if (sysplex.length === 0) return [];
    return PREREQUISITES.filter((p) => p.oneAnswer).map((p) => ({
      key: keyOf(p),
      run: (ctx) => ctx.display(p.command, (text) => p.isComplete(text, sysplex)),
    }));
  },
  judge(snapshot) {
    // A system that is down is its own check (system.active); the others are judged among themselves.
    const up = serverSystems(snapshot.topology).filter((s) => !snapshot.down.has(s));
    if (up.length === 0) return [];
    return PREREQUISITES.map((p) => toCheck(p.judge(answersOf(snapshot, p, up), up), p.command));
  },
};
