/**
 * A job's steps as the JCL reader leaves them and how each one ended. They are stored in
 * the job (state.ts) and handed to programs, so they depend on nothing else.
 */

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

/** How one step ended (job step-data and JESYSMSG); written by the job lifecycle. */
export interface StepOutcome {
  stepName: string;
  procStepName: string;
  programName: string;
  stepNumber: number;
  /** "CC 0000", "ABEND S806", or "FLUSH" when the step was not executed. */
  completion: string;
}
