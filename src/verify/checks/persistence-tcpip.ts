import { targetText, type IncludeTarget } from "../../ipl/tcpip-profile";
import { holdsStatements, includedAnywhere, walkProfile, type ProfileWalk } from "../../ipl/tcpip-profile-walk";
import { stackObeyMembers } from "../../tcpip/obey-members";
import { systemField } from "../../templates/topology-fields";
import { splitMember, type Topology } from "../../topology";
import { ZosmfError } from "../../zosmf";
import type { Check, CheckModule, ReadContext, Snapshot } from "../types";
import { degraded, failed, fromFailedRead, healthy, systemRead, type CheckHead } from "../verdict";
import { fieldNotSet } from "./persistence-verdict";

/*
 * Whether what OBEYFILE put on a stack survives its next start: the profile the stack reads
 * (systems[].tcpip.profile), with everything it INCLUDEs, must INCLUDE each obey member the
 * topology applies there, or hold the same statements. A stack without that field is degraded:
 * what OBEYFILE applied is lost at its next start. GETs only.
 */

const PROFILE_READ = "persistence.tcpip.profile";

interface ProfileLook {
  readonly walk: ProfileWalk;
  /** Each obey member of the stack and its text (null: it does not exist). */
  readonly obey: readonly { readonly target: IncludeTarget; readonly text: string | null }[];
}

function reader(ctx: ReadContext) {
  return async (target: IncludeTarget): Promise<string | null> => {
    try {
      return (await (await ctx.client()).files.read(target.dsn, target.member)).text;
    } catch (err) {
      if (err instanceof ZosmfError && err.kind === "not-found") return null;
      throw err;
    }
  };
}

async function lookAtProfile(ctx: ReadContext, t: Topology, system: string, profile: string): Promise<ProfileLook> {
  const read = reader(ctx);
  const { dataSet, member } = splitMember(profile);
  // The obey members are read while the profile is walked; verify reads a member once, so the walk's INCLUDE of one shares this read.
  const targets = stackObeyMembers(t, system).map((o) => ({ dsn: o.dsn, member: o.member }));
  const texts = Promise.all(targets.map(read));
  texts.catch(() => undefined);
  const walk = await walkProfile({ dsn: dataSet, member }, read);
  const obey = (await texts).map((text, i) => ({ target: targets[i]!, text }));
  return { walk, obey };
}

/** One line per obey member the profile would not bring back, or null when each one is there. */
function lostAtIpl(look: ProfileLook, system: string, profile: string): string[] {
  const lost: string[] = [];
  for (const { target, text } of look.obey) {
    const name = targetText(target);
    if (includedAnywhere(look.walk, target)) {
      if (text === null)
        lost.push(`${profile} INCLUDEs ${name}, which does not exist: the next start of the stack on ${system} will not find it`);
      continue;
    }
    if (text !== null && holdsStatements(look.walk, text)) continue;
    lost.push(`would be lost at the next IPL of ${system}: ${profile} does not include ${name}`);
  }
  return lost;
}

function judgeSystem(snapshot: Snapshot, system: string): Check | null {
  const t = snapshot.topology;
  const members = stackObeyMembers(t, system);
  if (members.length === 0) return null;
  const names = members.map((m) => `${m.dsn}(${m.member})`).join(", ");
  const profile = t.systems.find((s) => s.name === system)?.tcpip.profile;
  const head: CheckHead = {
    id: "persistence.tcpip",
    system,
    title: `the TCP/IP profile of ${system} brings back the HA definitions at restart`,
    expected: `${profile ?? "the stack's profile"} INCLUDEs ${names} (or holds the same statements)`,
  };
  // Without the field nothing tells the stack to read the members again: the set-up is lost, not unknown.
  if (profile === undefined)
    return fieldNotSet(head, `${systemField(t, system)}.tcpip.profile`, system, `nothing brings back ${names} when the stack starts again`);
  const read = systemRead<ProfileLook>(snapshot, system, PROFILE_READ);
  if (read === undefined) return failed(head, "not read", `${profile} was not read`);
  if (!read.ok) return fromFailedRead(head, read, `reading ${profile}`);
  const lost = lostAtIpl(read.value, system, profile);
  if (lost.length === 0) return healthy(head, `${profile} brings back ${names}`);
  // Fail closed: a member that could not be read may hold what is missing.
  const unread = read.value.walk.unreadable.filter((u) => !members.some((m) => u.startsWith(`${m.dsn}(${m.member}) does not exist`)));
  if (unread.length > 0)
    return { ...failed(head, "not read", `cannot tell whether ${system} keeps its HA definitions: ${unread.join("; ")}`), notRun: true };
  return degraded(head, lost.length === 1 ? "not included" : `${lost.length} not included`, lost.join("; "));
}

export const persistenceTcpipChecks: CheckModule = {
  name: "ipl-persistence-tcpip",
  // Every stack that gets obey members is judged, with or without a profile field: a missing field is never passed over.
  applies: (t) => t.systems.some((s) => stackObeyMembers(t, s.name).length > 0),
  systemReads(t, system) {
    const profile = system.tcpip.profile;
    if (profile === undefined || stackObeyMembers(t, system.name).length === 0) return [];
    return [{ key: PROFILE_READ, run: (ctx) => lookAtProfile(ctx, t, system.name, profile) }];
  },
  judge: (snapshot) => snapshot.topology.systems.flatMap((s) => judgeSystem(snapshot, s.name) ?? []),
};
