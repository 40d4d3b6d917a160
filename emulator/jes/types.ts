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
  /** Every other keyword as written (SPACE, DSNTYPE, DCB, DDNAME, ...), keyword upper-case. */
  params?: Record<string, string>;
}

export interface JclStep {
  /** Step name (may be empty). */
  name: string;
  /** EXEC PGM= */
  pgm?: string;
  /** EXEC PROC= or EXEC procname */
  proc?: string;
  /** Step name inside the procedure when the step came from one. */
  procStepName?: string;
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

/** How one step ended (job step-data and JESYSMSG); written by the job lifecycle. */
export interface StepOutcome {
  stepName: string;
  procStepName: string;
  programName: string;
  stepNumber: number;
  /** "CC 0000", "ABEND S806", or "FLUSH" when the step was not executed. */
  completion: string;
}

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
