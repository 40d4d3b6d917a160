/**
 * Running a job's steps when it reaches OUTPUT: each PGM= is looked up in the program
 * registry; a missing program abends S806 (as the system does), an abend flushes the later
 * steps, and the spool files are written from what happened.
 */
import type { EmulatorState, Job, SpoolFile } from "../state";
import { jesTexts } from "../zosmf-forms";
import { JobLog, STEP_STATISTICS_HEADER, julianStamp, jobStatistics, spoolFile, stepStatisticsLine } from "./spool";
import type { JclStep, StepOutcome } from "./steps";
import type { Program, ProgramResult } from "./types";

export interface RunContext {
  state: EmulatorState;
  programs: Record<string, Program>;
  /** Emulated dates of the start and end of the job. */
  started: Date;
  ended: Date;
}

type Completion = ProgramResult["completion"];

const ccText = (cc: number) => String(cc).padStart(4, "0");

/** `ABEND S806` for system abends, `ABENDU0100` for user abends (§1.3 spellings). */
export function abendRetcode(code: string): string {
  return code.startsWith("U") ? `ABEND${code}` : `ABEND ${code}`;
}

function allocationLines(step: JclStep): string[] {
  return step.dds.map((dd) => {
    if (dd.dummy) return ` IEF237I DMY  ALLOCATED TO ${dd.ddname}`;
    if (dd.sysout !== undefined || dd.instream) return ` IEF237I JES2 ALLOCATED TO ${dd.ddname}`;
    if (dd.path) return ` IEF237I DMY  ALLOCATED TO ${dd.ddname}`;
    return ` IEF237I 0A80 ALLOCATED TO ${dd.ddname}`;
  });
}

function dispositionLines(job: Job, step: JclStep, firstSysoutId: number): string[] {
  const lines: string[] = [];
  let sysoutId = firstSysoutId;
  for (const dd of step.dds) {
    if (dd.dsn && !dd.dsn.startsWith("&&")) {
      const disp = /DELETE/.test(dd.disp ?? "") ? "DELETED" : /CATLG/.test(dd.disp ?? "") ? "CATALOGED" : "KEPT";
      lines.push(` IEF285I   ${dd.dsn.padEnd(44)} ${disp}`);
    } else if (dd.sysout !== undefined) {
      lines.push(` IEF285I   ${job.owner}.${job.jobname}.${job.jobid}.D${String(sysoutId++).padStart(7, "0")}.?${" ".repeat(10)}SYSOUT`);
    }
  }
  return lines;
}

function callProgram(program: Program | undefined, ctx: Parameters<Program>[0]): ProgramResult & { missing?: boolean; failure?: string } {
  if (!program) return { completion: { abend: "S806" }, outputs: {}, missing: true };
  try {
    return program(ctx);
  } catch (error) {
    // A program that throws is an emulator bug; show it as a program check rather than hide it.
    return { completion: { abend: "S0C4" }, outputs: {}, failure: (error as Error).message };
  }
}

/** Run the steps and rebuild the spool; sets retcode and stepResults on the job. */
export function runJobSteps(run: RunContext, job: Job, listingText: string): void {
  const { started, ended } = run;
  const log = new JobLog(job, job.execSystem, started);
  log.add(started, `IRR010I  USERID ${job.owner.padEnd(8)} IS ASSIGNED TO THIS JOB.`);
  log.add(started, `$HASP373 ${job.jobname.padEnd(8)} STARTED - INIT 1    - CLASS ${job.class.padEnd(8)} - SYS ${job.execSystem}`);
  log.add(started, `IEF403I ${job.jobname} - STARTED - TIME=${started.toISOString().slice(11, 19).replace(/:/g, ".")}`);
  for (const h of STEP_STATISTICS_HEADER) log.add(started, h);

  const sysmsg: string[] = [];
  const outputs: SpoolFile[] = [];
  const outcomes: StepOutcome[] = [];
  let highestCc = 0;
  let abend: string | null = null;
  const steps = job.steps ?? [];

  steps.forEach((step, index) => {
    const stepName = step.name || `STEP${index + 1}`;
    const procStep = step.procStepName ?? "";
    const label = procStep ? `${stepName} ${procStep}` : stepName;
    const base = { stepName, procStepName: procStep, programName: step.pgm ?? "", stepNumber: index + 1 };
    // After an abend, or after a step whose outcome a fault forced, the rest is flushed.
    if (abend !== null || (job.forcedCompletion && index > 0)) {
      sysmsg.push(` ${jesTexts.notExecuted(job.jobname, label)}`);
      outcomes.push({ ...base, completion: "FLUSH" });
      log.add(ended, stepStatisticsLine(job.jobname, stepName, procStep, "FLUSH"));
      return;
    }
    sysmsg.push(` IEF236I ALLOC. FOR ${job.jobname} ${label}`, ...allocationLines(step));

    let result: ReturnType<typeof callProgram>;
    if (job.forcedCompletion) {
      // A fault decided the outcome: the program does not run, so nothing changes.
      result = { completion: job.forcedCompletion, outputs: {} };
    } else {
      result = callProgram(run.programs[step.pgm ?? ""], {
        state: run.state,
        job,
        step,
        system: job.execSystem,
        user: job.owner,
        nowIso: ended.toISOString(),
      });
    }
    const completion: Completion = result.completion;
    if (result.missing) {
      sysmsg.push(` ${jesTexts.moduleNotFound(step.pgm ?? "")}`, ` CSV028I ABEND806-04  JOBNAME=${job.jobname}  STEPNAME=${stepName}`);
    }
    if (result.failure) sysmsg.push(` IEA995I SYMPTOM DUMP OUTPUT: ${result.failure}`);
    sysmsg.push(...(result.sysmsg ?? []).map((l) => (l.startsWith(" ") ? l : ` ${l}`)));

    const firstSysoutId = 101 + outputs.length;
    if ("abend" in completion) {
      abend = completion.abend;
      const system = completion.abend.startsWith("S") ? completion.abend.slice(1) : "000";
      const user = completion.abend.startsWith("U") ? completion.abend.slice(1) : "0000";
      sysmsg.push(` IEF472I ${job.jobname} ${label} - COMPLETION CODE - SYSTEM=${system} USER=${user} REASON=00000004`);
      log.add(
        ended,
        `IEF450I ${job.jobname} ${label} - ABEND=${completion.abend.startsWith("S") ? completion.abend : "S000"} U${user} REASON=00000004`,
      );
      log.add(ended, stepStatisticsLine(job.jobname, stepName, procStep, completion.abend));
      outcomes.push({ ...base, completion: abendRetcode(completion.abend) });
    } else {
      highestCc = Math.max(highestCc, completion.cc);
      sysmsg.push(` IEF142I ${job.jobname} ${label} - STEP WAS EXECUTED - COND CODE ${ccText(completion.cc)}`);
      log.add(ended, stepStatisticsLine(job.jobname, stepName, procStep, String(completion.cc).padStart(2, "0")));
      outcomes.push({ ...base, completion: `CC ${ccText(completion.cc)}` });
    }
    sysmsg.push(...dispositionLines(job, step, firstSysoutId));
    sysmsg.push(
      ` IEF373I STEP/${stepName.padEnd(8)}/START ${julianStamp(started)}`,
      ` IEF032I STEP/${stepName.padEnd(8)}/STOP  ${julianStamp(ended)}`,
    );
    sysmsg.push("         CPU:     0 HR  00 MIN  00.01 SEC    SRB:     0 HR  00 MIN  00.00 SEC");

    for (const [ddname, text] of Object.entries(result.outputs)) {
      outputs.push(spoolFile(101 + outputs.length, ddname, stepName, procStep || null, text, "FBA", 133));
    }
  });

  sysmsg.push(
    ` IEF375I  JOB/${job.jobname.padEnd(8)}/START ${julianStamp(started)}`,
    ` IEF033I  JOB/${job.jobname.padEnd(8)}/STOP  ${julianStamp(ended)}`,
  );
  log.add(ended, `IEF404I ${job.jobname} - ENDED - TIME=${ended.toISOString().slice(11, 19).replace(/:/g, ".")}`);
  job.retcode = abend !== null ? abendRetcode(abend) : `CC ${ccText(highestCc)}`;
  log.add(
    ended,
    abend !== null
      ? `$HASP395 ${job.jobname.padEnd(8)} ENDED - ABEND=${abend}`
      : `$HASP395 ${job.jobname.padEnd(8)} ENDED - RC=${ccText(highestCc)}`,
  );
  for (const line of jobStatistics(job, started, ended, sysmsg.length + outputs.length)) log.raw(line);

  job.stepResults = outcomes;
  job.spool = [
    spoolFile(2, "JESMSGLG", "JES2", null, log.text(), "UA", 133),
    spoolFile(3, "JESJCL", "JES2", null, listingText, "V", 136),
    spoolFile(4, "JESYSMSG", "JES2", null, sysmsg.join("\n"), "VA", 137),
    ...outputs,
  ];
}

/** Spool of a job stopped by the converter: the JCL listing with the IEFC messages, no steps. */
export function jclErrorSpool(job: Job, listingText: string, errors: string[], at: Date): SpoolFile[] {
  const log = new JobLog(job, job.execSystem, at);
  log.add(at, `IRR010I  USERID ${job.owner.padEnd(8)} IS ASSIGNED TO THIS JOB.`);
  log.add(at, jesTexts.jobNotRun(job.jobname));
  log.add(at, jesTexts.jobTerminated(job.jobname));
  const listing = [
    listingText,
    ...errors.map((e) => {
      const m = /^(\d+) (.*)$/.exec(e);
      return m ? `${" ".repeat(9)}${m[1].padStart(3)} ${m[2]}` : `${" ".repeat(13)}${e}`;
    }),
  ].join("\n");
  return [
    spoolFile(2, "JESMSGLG", "JES2", null, log.text(), "UA", 133),
    spoolFile(3, "JESJCL", "JES2", null, listing, "V", 136),
    spoolFile(
      4,
      "JESYSMSG",
      "JES2",
      null,
      [
        " STMT NO. MESSAGE",
        ...errors.map((e) => {
          const m = /^(\d+) (.*)$/.exec(e);
          return m ? `${m[1].padStart(10)} ${m[2]}` : `${" ".repeat(11)}${e}`;
        }),
        ` ${jesTexts.jobNotRun(job.jobname)}`,
      ].join("\n"),
      "VA",
      137,
    ),
  ];
}
