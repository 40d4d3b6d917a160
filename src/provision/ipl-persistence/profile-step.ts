import { memberWrite } from "../ops/member-write";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { addIncludes, targetText, type IncludeTarget } from "../../ipl/tcpip-profile";
import { includedAnywhere, walkProfile } from "../../ipl/tcpip-profile-walk";
import { stackObeyMembers } from "../../tcpip/obey-members";
import { systemField } from "../../templates/topology-fields";
import { splitMember, systemByName, type Topology } from "../../topology";
import type { ZosmfClient } from "../../zosmf";
import type { StepSpec } from "../context";
import { readMember } from "../ops/read-current";
import { makeStep } from "../step";

/** Systems that get the profile step: a `tcpip.profile` and at least one obey member this run applies on the stack. */
export function profileSystems(t: Topology): string[] {
  return t.systems.filter((s) => s.tcpip.profile !== undefined && stackObeyMembers(t, s.name).length > 0).map((s) => s.name);
}

/** Reads what a profile INCLUDEs through z/OSMF GETs: null for a data set or member that does not exist. */
export function profileReader(client: ZosmfClient) {
  return async (target: IncludeTarget): Promise<string | null> =>
    target.member === undefined ? (await client.files.read(target.dsn)).text : (await readMember(client, target.dsn, target.member)).text;
}

/**
 * The stack's profile INCLUDEs every obey member the run applies on that stack, so a restart
 * or an IPL reads the same definitions the running stack has. Runs after the obey steps
 * (an INCLUDE of a member that is not there yet would fail a restart in between).
 */
export async function planProfileInclude(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const ref = systemByName(t, system).tcpip.profile!;
  const field = `${systemField(t, system)}.tcpip.profile`;
  const { dataSet: dsn, member } = splitMember(ref);
  const obey = stackObeyMembers(t, system);
  const targets: IncludeTarget[] = obey.map((o) => ({ dsn: o.dsn, member: o.member }));
  // The obey steps of this run write and apply these members; the INCLUDE waits for them.
  const withObey = { ...spec, dependsOn: [...spec.dependsOn, ...obey.map((o) => `${o.workflow}/${o.stepId}/${system}`)] };
  const title = spec.workflow.step(spec.stepId).title;
  const current = await readMember(env.client, dsn, member);
  const blocked = (blocker: HaError) =>
    makeStep(withObey, { title, system, observed: `${ref} not changed`, changes: [], blocker, apply: never });
  if (current.text === null) {
    return blocked(
      new HaError(`${ref} (${field}) does not exist; the stack reads its profile from it at start, so the INCLUDE has nowhere to go.`, {
        failureClass: "invalid-input",
        details: [`Set ${field} to the member named by the PROFILE DD of the TCP/IP procedure.`],
      }),
    );
  }
  const unwritten = await unwrittenTargets(spec, system, obey, ref);
  if (unwritten) return blocked(unwritten);
  const looked = await lookForIncludes(env.client, { dsn, member }, targets);
  const unknown = `${ref} (${field}) INCLUDEs what cannot be read, so whether it already has the obey members is not known.`;
  if (looked.unreadable.length > 0 && looked.missing.length > 0)
    return blocked(new HaError(unknown, { failureClass: "zos-failure", details: looked.unreadable }));
  let edit;
  try {
    edit = addIncludes(current.text, looked.missing, ref);
  } catch (err) {
    if (err instanceof HaError) return blocked(err);
    throw err;
  }
  const names = targets.map(targetText).join(", ");
  return makeStep(withObey, {
    title,
    system,
    observed: edit.added.length === 0 ? `${ref} INCLUDEs ${names}` : `${ref} does not INCLUDE ${edit.added.map(targetText).join(", ")}`,
    warnings: looked.warnings,
    ...memberWrite(
      withObey,
      { dsn, member, observed: current, text: edit.text, note: `${ref} INCLUDEs ${names}; the stack reads them at its next start` },
      edit.added.length > 0,
    ),
  });
}

/**
 * An INCLUDE of an obey member that is not there and that this run does not write (its step
 * left out by --only/--limit) would fail the next stack start: refused, naming them.
 */
async function unwrittenTargets(
  spec: StepSpec,
  system: string,
  obey: ReturnType<typeof stackObeyMembers>,
  ref: string,
): Promise<HaError | undefined> {
  const missing: string[] = [];
  for (const o of obey) {
    if (spec.earlier?.has(`${o.workflow}/${o.stepId}/${system}`) !== false) continue;
    if ((await readMember(spec.env.client, o.dsn, o.member)).text === null) missing.push(`${o.dsn}(${o.member})`);
  }
  if (missing.length === 0) return undefined;
  return new HaError(`${ref} would INCLUDE ${missing.join(", ")}, which this run does not write and which does not exist.`, {
    failureClass: "invalid-input",
    details: ["A stack start would fail to include it. Provision its workflow too (not left out by --only/--limit), then this step."],
  });
}

/**
 * Which targets the profile, with everything it INCLUDEs, does not include yet. A member of
 * the profile that cannot be read may hold one of them, so it is reported (fail closed);
 * a target that does not exist yet is fine, since this run's obey step writes it.
 */
async function lookForIncludes(client: ZosmfClient, profile: IncludeTarget, targets: readonly IncludeTarget[]) {
  const walk = await walkProfile(profile, profileReader(client));
  const missing = targets.filter((x) => !includedAnywhere(walk, x));
  const unreadable = walk.unreadable.filter((line) => !targets.some((x) => line.startsWith(`${targetText(x)} does not exist`)));
  const warnings = walk.members.flatMap((m) =>
    m.read?.beyondColumn71.length
      ? [
          `${targetText(m.target)}: ${m.read.beyondColumn71.length} record(s) hold text beyond column 71 (IBM allows no sequence numbers in a profile); this plan reads columns 1-71 and leaves those columns as they are`,
        ]
      : [],
  );
  return { missing, unreadable, warnings };
}

function never(): never {
  throw new HaError("This step was not planned to change anything.", { failureClass: "tool-failure" });
}
