import { HaError } from "../errors";
import { commandOperand } from "../provision/ops/console";
import type { DrillCommand, DrillMethod } from "./types";
import type { DrillInstance, DrillTarget } from "./target";

/*
 * The commands a drill issues, built from topology values checked as console operands (a
 * comma or blank in a name would add an operand), and how their answers are read.
 * VARY TCPIP,procname,SYSPLEX,QUIESCE|RESUME,PORT=portnum,JOBNAME=jobname: z/OS Communications
 * Server IP System Administrator's Commands, "VARY TCPIP,,SYSPLEX". It is issued on the system
 * where the server runs: the target stack stops (or resumes) taking distributed connections for it.
 */

/** The stack accepted the VARY: EZZ0053I COMMAND ... COMPLETED SUCCESSFULLY, after EZZ0060I PROCESSING COMMAND. */
const VARY_DONE = /(^|\s)EZZ0053I\b/;

function sysplexVary(target: DrillTarget, at: DrillInstance, action: "QUIESCE" | "RESUME"): string {
  const stack = commandOperand(at.stack, "name", `systems[${at.system}].tcpip.proc`);
  const job = commandOperand(at.job, "name", at.jobField);
  return `VARY TCPIP,${stack},SYSPLEX,${action},PORT=${target.port},JOBNAME=${job}`;
}

/** What fails the preferred instance. */
export function failCommand(target: DrillTarget, method: DrillMethod): DrillCommand {
  const p = target.preferred;
  if (method === "quiesce")
    return {
      system: p.system,
      command: sysplexVary(target, p, "QUIESCE"),
      purpose: `stop new connections to ${p.job} on port ${target.port}`,
    };
  return { system: p.system, command: `P ${commandOperand(p.job, "name", p.jobField)}`, purpose: `stop ${p.job}` };
}

/** What undoes failCommand: RESUME, or starting the server with its own procedure again. */
export function restoreCommand(target: DrillTarget, method: DrillMethod): DrillCommand {
  const p = target.preferred;
  if (method === "quiesce")
    return {
      system: p.system,
      command: sysplexVary(target, p, "RESUME"),
      purpose: `let ${p.job} take new connections on port ${target.port} again`,
    };
  return {
    system: p.system,
    command: `S ${commandOperand(p.job, "name", p.jobField)}`,
    purpose: `start ${p.job} again from its procedure`,
  };
}

/**
 * Under NOAUTOSWITCHBACK traffic stays on the backup until the backup stops taking it:
 * quiescing the serving backup makes the preferred target Active, resuming it makes it a ready standby again.
 */
export function moveBackCommands(target: DrillTarget, serving: DrillInstance): DrillCommand[] {
  return [
    { system: serving.system, command: sysplexVary(target, serving, "QUIESCE"), purpose: `move traffic off ${serving.system}` },
    { system: serving.system, command: sysplexVary(target, serving, "RESUME"), purpose: `make ${serving.system} a ready standby again` },
  ];
}

/** The command as an operator types it on any console of the sysplex. */
export function operatorForm(c: DrillCommand): string {
  return `RO ${c.system},${c.command}`;
}

/** A VARY ...,SYSPLEX answer: done only with EZZ0053I; anything else is not done, with its lines. */
export function assertVaryDone(c: DrillCommand, lines: readonly string[]): void {
  if (lines.some((l) => VARY_DONE.test(l))) return;
  throw new HaError(`${c.command} on ${c.system} was not confirmed (no EZZ0053I in its answer).`, {
    failureClass: "zos-failure",
    details: lines.length > 0 ? [...lines] : ["(no answer)"],
  });
}

/** Messages of a start or stop that say it did not happen: a refused, invalid or misrouted command. */
const REFUSED = /^\s*(IEE122I|IEE305I|IEE341I|IEE618I|IEFC\d{3}I)\b/;

export function assertNotRefused(c: DrillCommand, lines: readonly string[]): void {
  const refused = lines.find((l) => REFUSED.test(l));
  if (refused)
    throw new HaError(`${c.command} on ${c.system} was refused: ${refused.trim()}`, { failureClass: "zos-failure", details: [...lines] });
}
