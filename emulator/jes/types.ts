/**
 * What the JCL reader hands to a program and what a program hands back. The reader
 * (jcl.ts) and the job lifecycle own everything around a step; programs
 * (emulator/programs/) only see one step's DDs and the shared state.
 */
import type { EmulatorState, Job } from "../state";
import type { JclStep } from "./steps";

export interface ParsedJcl {
  jobname: string;
  /** CLASS= and MSGCLASS= from the JOB statement. */
  jobClass: string;
  msgClass: string;
  steps: JclStep[];
  /** SET statements seen, name → value. */
  sets: Record<string, string>;
}

export interface ProgramContext {
  state: EmulatorState;
  job: Job;
  step: JclStep;
  /** System the job runs on. */
  system: string;
  /** Submitting user (owner), for RACF authority and ISPF statistics. */
  user: string;
  /** Emulated now, ISO text, for created/changed dates. */
  nowIso: string;
}

export interface ProgramResult {
  /** Condition code, or an abend such as "S806" / "U0100". */
  completion: { cc: number } | { abend: string };
  /** Output DDs written by the program (SYSPRINT, SYSTSPRT, ...), text with \n between records. */
  outputs: Record<string, string>;
  /** Extra lines for JESYSMSG (IEF messages about this step). */
  sysmsg?: string[];
}

export type Program = (ctx: ProgramContext) => ProgramResult;

/** One JCL statement as listed in JESJCL (original text, plus the substituted form when symbols changed it). */
export interface JclListingEntry {
  /** Statement number, or null for comments and continuation lines. */
  number: number | null;
  text: string;
  substituted?: string;
}

/** What the reader returns: either a job to queue or a JCL error to report in JESYSMSG. */
export interface JclReadResult {
  parsed: ParsedJcl | null;
  /** Job name even when the JCL is in error (null when there is no JOB statement at all). */
  jobname: string | null;
  listing: JclListingEntry[];
  /** IEFC messages; non-empty means JCL ERROR. */
  errors: string[];
  /** TYPRUN=SCAN: convert, list, do not run. */
  scanOnly: boolean;
  /** /*JOBPARM SYSAFF= system, when given. */
  sysaff?: string;
  /** The statements after substitution (data lines untouched), stored as the job's JCL. */
  substitutedText: string;
}
