import { HaError } from "../errors";

/** Checks of names that end up in URL paths, so a typo is reported before anything is sent. */

const QUALIFIER = "[A-Z@#$][A-Z0-9@#$-]{0,7}";
const DSN = new RegExp(`^${QUALIFIER}(\\.${QUALIFIER})*$`);
const MEMBER = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
const JOBNAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;
const JOBID = /^[A-Z0-9]{1,8}$/;
const SYMBOL = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;

/** At most 60 characters of a name for a message, control characters escaped: a runaway or hostile value is not echoed whole. */
function quoted(value: string): string {
  const shown = JSON.stringify(value.slice(0, 60)).slice(1, -1);
  return value.length > 60 ? `'${shown}…' (${value.length} characters)` : `'${shown}'`;
}

function invalid(message: string): HaError {
  return new HaError(message, { failureClass: "invalid-input" });
}

export function dsnName(dsn: string): string {
  const name = dsn.trim().toUpperCase();
  if (name.length > 44 || !DSN.test(name)) throw invalid(`${quoted(dsn)} is not a valid data set name.`);
  return name;
}

export function memberName(member: string): string {
  const name = member.trim().toUpperCase();
  if (!MEMBER.test(name)) throw invalid(`${quoted(member)} is not a valid member name.`);
  return name;
}

/** `DSN` or `DSN(MEMBER)`, upper-cased and URL-encoded for a restfiles path. */
export function dsnPath(dsn: string, member?: string): string {
  const full = member === undefined ? dsnName(dsn) : `${dsnName(dsn)}(${memberName(member)})`;
  return encodeURIComponent(full);
}

export function jobName(jobname: string): string {
  const name = jobname.trim().toUpperCase();
  if (!JOBNAME.test(name)) throw invalid(`${quoted(jobname)} is not a valid job name.`);
  return name;
}

export function jobId(jobid: string): string {
  const id = jobid.trim().toUpperCase();
  if (!JOBID.test(id)) throw invalid(`${quoted(jobid)} is not a valid job id.`);
  return id;
}

export function symbolName(name: string): string {
  const upper = name.toUpperCase();
  if (!SYMBOL.test(upper)) throw invalid(`${quoted(name)} is not a valid JCL symbol name (1-8 characters, starting with a letter).`);
  return upper;
}

/** Header values cannot carry line breaks; z/OSMF would never see the rest. */
export function headerValue(what: string, value: string): string {
  if (/[\r\n]/.test(value)) throw invalid(`${what} must not contain line breaks.`);
  return value;
}

/** Absolute z/OS UNIX path, each segment URL-encoded. */
export function ussPath(path: string): string {
  if (!path.startsWith("/")) throw invalid(`${quoted(path)} is not an absolute z/OS UNIX path.`);
  const segments = path.split("/").slice(1);
  if (segments.some((s) => s === "..")) throw invalid(`${quoted(path)} must not contain '..'.`);
  return segments.map(encodeURIComponent).join("/");
}
