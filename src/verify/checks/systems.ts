import { HaError } from "../../errors";
import { zosmfHaSystems, type Topology } from "../../topology";
import { XCF_SYSTEMS } from "../down";
import type { Check, CheckModule, Snapshot } from "../types";
import { degraded, failed, fromFailedRead, healthy, sysplexRead } from "../verdict";
import { isXcfActive, parseXcfSystems, xcfListsEvery, type XcfSystems } from "../xcf-systems";

/*
 * One check per system: is it up? A system that is down is a state of the sysplex, not a
 * failure of verify; it is named here once, and its other checks are not applicable.
 */

const head = (name: string) => ({
  id: "system.active",
  system: name,
  title: `system ${name} is active in the sysplex`,
  expected: "ACTIVE in D XCF,S,ALL",
});

/** The servers of the z/OSMF HA set-up other than this system's, that are up. */
function otherServersUp(snapshot: Snapshot, name: string): string[] {
  const t: Topology = snapshot.topology;
  if (t.zosmfHa === undefined) return [];
  return zosmfHaSystems(t)
    .map((m) => m.system.name)
    .filter((s) => s !== name && !snapshot.down.has(s));
}

function holdsAServer(snapshot: Snapshot, name: string): boolean {
  const t = snapshot.topology;
  return t.zosmfHa !== undefined && zosmfHaSystems(t).some((m) => m.system.name === name);
}

function judgeSystem(snapshot: Snapshot, name: string, xcf: ReturnType<typeof sysplexRead<XcfSystems>>): Check {
  const down = snapshot.down.get(name);
  if (down !== undefined) {
    const found = `down${down.since ? ` (since ${down.since})` : ""}`;
    const reason = `system ${name} is down${down.since ? ` (since ${down.since})` : ""}: ${down.why}`;
    if (holdsAServer(snapshot, name) && otherServersUp(snapshot, name).length === 0)
      return failed(head(name), found, `${reason}; no other z/OSMF server system is up`);
    return degraded(head(name), found, reason);
  }
  if (xcf === undefined) return failed(head(name), "not read", "D XCF,S,ALL was not issued");
  if (!xcf.ok) return fromFailedRead(head(name), xcf, "D XCF,S,ALL");
  const entry = xcf.value.state === "ok" ? xcf.value.systems.find((s) => s.name === name.toUpperCase()) : undefined;
  return entry !== undefined && isXcfActive(entry)
    ? healthy(head(name), "ACTIVE")
    : failed(head(name), "not active", `system ${name} is not active in the sysplex`);
}

export const systemChecks: CheckModule = {
  name: "systems",
  applies: () => true,
  sysplexReads() {
    return [
      {
        key: XCF_SYSTEMS,
        run: async (ctx) => {
          const names = ctx.topology.systems.map((s) => s.name);
          const text = await ctx.display("D XCF,S,ALL", (t) => xcfListsEvery(t, names));
          const parsed = parseXcfSystems(text);
          if (parsed.state !== "ok")
            throw new HaError(`D XCF,S,ALL did not answer with IXC336I: ${parsed.lines.slice(0, 4).join(" | ") || "(no lines)"}`, {
              failureClass: "zos-failure",
            });
          return parsed;
        },
      },
    ];
  },
  judge(snapshot) {
    const xcf = sysplexRead<XcfSystems>(snapshot, XCF_SYSTEMS);
    return snapshot.topology.systems.map((s) => judgeSystem(snapshot, s.name, xcf));
  },
};
