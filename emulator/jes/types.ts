/**
 * What the JCL reader hands to a program and what a program hands back. The reader
 * (jcl.ts) and the job lifecycle own everything around a step; programs
 * (emulator/programs/) only see one step's DDs and the shared state.
 */
import type { EmulatorState, Job } from "../state";

export interface DdStatement {
  ddname: string;
  /** DSN=, with member when DSN=A.B(MEM). */
  dsn?: string;
  member?: string;
  disp?: string;
  /** PATH= for USS files. */
  path?: string;
  /** SYSOUT=class */
  sysout?: string;
  /** Instream data (DD * or DD DATA), lines without the delimiter. */
  instream?: string[];
  dummy?: boolean;
}

export interface JclStep {
  /** Step name (may be empty). */
  name: string;
  /** EXEC PGM= */
  pgm?: string;
  /** EXEC PROC= or EXEC procname */
  proc?: string;
  parm?: string;
  dds: DdStatement[];
}

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
