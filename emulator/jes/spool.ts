/**
 * The JES2 spool files of a job: JESMSGLG (id 2), JESJCL (id 3), JESYSMSG (id 4), then the
 * steps' SYSOUT data sets from id 101 (§1.4). Text only; the lifecycle decides what goes in.
 */
import type { Job, SpoolFile } from "../state";
import type { JclListingEntry } from "./types";

const DAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const pad2 = (n: number) => String(n).padStart(2, "0");

export const hhmmss = (d: Date) => `${pad2(d.getUTCHours())}.${pad2(d.getUTCMinutes())}.${pad2(d.getUTCSeconds())}`;

/** yyyyddd.hhmm as in IEF373I. */
export function julianStamp(d: Date): string {
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  const day = Math.floor((d.getTime() - start) / 86_400_000) + 1;
  return `${d.getUTCFullYear()}${String(day).padStart(3, "0")}.${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}`;
}

export function spoolFile(
  id: number,
  ddname: string,
  stepname: string,
  procstep: string | null,
  text: string,
  recfm = "UA",
  lrecl = 133,
): SpoolFile {
  return { id, ddname, stepname, procstep, recfm, lrecl, text };
}

/** JESJCL: numbered statements, unnumbered comments and continuations, IEFC653I after substitutions. */
export function jesjclText(listing: JclListingEntry[]): string {
  const lines: string[] = [];
  for (const entry of listing) {
    lines.push(entry.number === null ? `${" ".repeat(11)}${entry.text}` : `${String(entry.number).padStart(10)} ${entry.text}`);
    if (entry.substituted) lines.push(`${" ".repeat(11)}IEFC653I SUBSTITUTION JCL - ${entry.substituted.replace(/^\/\/\S*\s+\S+\s+/, "")}`);
  }
  return lines.join("\n");
}

/** Lines of the job log, each prefixed with the time and job id as JES2 writes them. */
export class JobLog {
  private readonly lines: string[] = [];
  constructor(
    private readonly job: Job,
    system: string,
    start: Date,
  ) {
    this.lines.push(`1                    J E S 2  J O B  L O G  --  S Y S T E M  ${system.padEnd(4)}  --  N O D E  N1`);
    this.lines.push("0");
    this.lines.push(
      ` ${hhmmss(start)} ${job.jobid} ---- ${DAYS[start.getUTCDay()]},  ${pad2(start.getUTCDate())} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()} ----`,
    );
  }
  add(at: Date, text: string): void {
    this.lines.push(` ${hhmmss(at)} ${this.job.jobid}  ${text}`);
  }
  raw(text: string): void {
    this.lines.push(text);
  }
  text(): string {
    return this.lines.join("\n");
  }
}

/** The step statistics line JES2 writes for each step in the job log. */
export function stepStatisticsLine(jobname: string, stepname: string, procstep: string, rc: string): string {
  return `-${jobname.padEnd(8)} ${stepname.padEnd(8)} ${procstep.padEnd(8)} ${rc.padStart(6)}     12   .00   .00    .00     38   0      0      0      0     0`;
}

export const STEP_STATISTICS_HEADER = [
  "-                                              --TIMINGS (MINS.)--            ----PAGING COUNTS---",
  "-JOBNAME  STEPNAME PROCSTEP    RC   EXCP   CPU   SRB  CLOCK   SERV  PG   PAGE   SWAP    VIO SWAPS",
];

export function jobStatistics(job: Job, start: Date, end: Date, spoolLines: number): string[] {
  return [
    "------ JES2 JOB STATISTICS ------",
    `  ${pad2(start.getUTCDate())} ${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()} JOB EXECUTION DATE`,
    `${String(job.jcl.split("\n").length).padStart(11)} CARDS READ`,
    `${String(spoolLines).padStart(11)} SYSOUT PRINT RECORDS`,
    "          0 SYSOUT PUNCH RECORDS",
    `${String(Math.max(0, Math.round((end.getTime() - start.getTime()) / 60000))).padStart(11)} SYSOUT SPOOL KBYTES`,
    "       0.00 MINUTES EXECUTION TIME",
  ];
}
