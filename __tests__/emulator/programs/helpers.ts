/** Hand-built job steps for the program tests. */
import type { DdStatement, JclStep, ProgramContext, ProgramResult } from "../../../emulator/jes/types";
import { programs } from "../../../emulator/programs";
import { seedRacfAdministrator } from "../../../emulator/programs/racf";
import { emptyState, type EmulatorState, type Job } from "../../../emulator/state";

export const NOW = "2025-03-14T10:20:30.000Z";

export function newState(): EmulatorState {
  const state = emptyState({ seed: 7, sysplexName: "PLEX1", systems: ["SYSA", "SYSB"] });
  seedRacfAdministrator(state, "IBMUSER");
  return state;
}

export function job(name = "TESTJOB", owner = "IBMUSER", system = "SYSA"): Job {
  return {
    jobid: "JOB00001",
    jobname: name,
    owner,
    class: "A",
    type: "JOB",
    status: "ACTIVE",
    retcode: null,
    correlator: "J0000001SYSA....",
    execSystem: system,
    submittedAt: 0,
    startsAt: 0,
    endsAt: null,
    jcl: "",
    spool: [],
    effectsApplied: false,
  };
}

export const instream = (ddname: string, text: string): DdStatement => ({
  ddname,
  instream: text
    .replace(/^\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n"),
});
export const sysout = (ddname: string): DdStatement => ({ ddname, sysout: "*" });

export function run(
  state: EmulatorState,
  pgm: string,
  dds: DdStatement[],
  opts: { parm?: string; user?: string; system?: string } = {},
): ProgramResult {
  const step: JclStep = { name: "STEP1", pgm, dds, ...(opts.parm !== undefined ? { parm: opts.parm } : {}) };
  const user = opts.user ?? "IBMUSER";
  const system = opts.system ?? "SYSA";
  const ctx: ProgramContext = { state, job: job("TESTJOB", user, system), step, system, user, nowIso: NOW };
  return programs[pgm](ctx);
}

export const cc = (r: ProgramResult) => ("cc" in r.completion ? r.completion.cc : r.completion.abend);
