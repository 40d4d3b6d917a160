import type { ApplyContext, Change, PlannedStep, StepResult } from "../../engine/types";
import type { StepSpec } from "../context";
import { prepareSiteJob, prepareTemplateJob, type PreparedJob } from "../ops/job-source";
import { stepJob, submitOnce, type JobResult } from "../ops/submit-once";
import { makeStep } from "../step";
import { classifyDefine, classifyListing, type ListingVerdict } from "../../racf/racf-output";
import { outputOf, readTsoOutput, sameCommand, splitTsoOutput, type TsoCommandOutput } from "../../racf/tso-output";
import { defineCommands, securityCatalogue, type SecurityItem } from "../../racf/security-catalogue";
import { systsinFor } from "../../racf/security-systsin";

/** What every submission of this step shares: the client, the run's context, the step and the owner. */

/** The listing commands, once each, in catalogue order. */
function listCommands(items: readonly SecurityItem[]): string[] {
  return [...new Set(items.map((i) => i.list))];
}

/** The jobs the step may submit, prepared while planning so the plan shows the JCL that runs. */
interface SecurityJobs {
  readonly list: PreparedJob;
  /** The site's own job, or ours holding every definition (at apply time, only the missing ones). */
  readonly define: PreparedJob;
  /** The listing after the site's job; none when the definitions are ours. */
  readonly relist?: PreparedJob;
  /** The site's member, when the topology names one. */
  readonly site?: string;
  readonly purpose: string;
}

export async function planSecurity(spec: StepSpec): Promise<PlannedStep> {
  const step = spec.workflow.step(spec.stepId);
  const maxRc = step.maxRc ?? 4;
  const items = securityCatalogue(spec.env.topology);
  const jobs = await prepareSecurityJobs(spec, items);
  return makeStep(spec, {
    title: step.title,
    observed: "state unknown without a listing job (not submitted while planning; every apply lists the live RACF state first)",
    changes: plannedJobs(jobs, items, maxRc),
    apply: (ctx) => applySecurity(spec, jobs, items, maxRc, ctx),
  });
}

async function prepareSecurityJobs(spec: StepSpec, items: readonly SecurityItem[]): Promise<SecurityJobs> {
  const ha = spec.env.topology.zosmfHa!;
  const sysplex = spec.env.topology.sysplex;
  const list = prepareTemplateJob(spec, "list", "listJobname", { sysplex, lines: systsinFor(listCommands(items)) }, "/list");
  const site = ha.security?.member;
  // The site's job is judged by what RACF holds afterwards, never by its return code alone.
  const relist = site
    ? prepareTemplateJob(spec, "list", "listJobname", { sysplex, lines: systsinFor(listCommands(items)) }, "/relist")
    : undefined;
  const define = site
    ? await prepareSiteJob(spec, site, { SAFPFX: ha.safPrefix, KEYRING: ha.keyring, HOSTNAME: ha.hostname, DVIPA: ha.dvipa })
    : prepareTemplateJob(spec, "job", "jobname", { sysplex, lines: systsinFor(defineCommands(items)) });
  const purpose = site
    ? `the site's security job ${site}, submitted only when the listing finds a definition missing`
    : `RACF definitions for z/OSMF: the job holds only the commands of the ${items.length} definitions below that the listing finds missing`;
  return { list, define, purpose, ...(relist ? { relist } : {}), ...(site ? { site } : {}) };
}

/** The plan's jobs: the listing, the definitions and, after a site's job, the listing again. */
function plannedJobs(jobs: SecurityJobs, items: readonly SecurityItem[], maxRc: number): Change[] {
  const { list, define, relist, site, purpose } = jobs;
  // Each definition is a line of the plan.
  const planPurpose = site ? purpose : [purpose, ...items.map((i) => `  - ${i.id}`)].join("\n");
  return [
    {
      kind: "job",
      jobname: list.jobname,
      jcl: list.jcl,
      maxRc: 8,
      purpose: "list the z/OSMF groups, users, profiles, certificates and key ring (changes nothing)",
    },
    { kind: "job", jobname: define.jobname, jcl: define.jcl, maxRc, purpose: planPurpose },
    ...(relist
      ? [
          {
            kind: "job" as const,
            jobname: relist.jobname,
            jcl: relist.jcl,
            maxRc: 8,
            purpose: `list again after ${site}: the step fails if any definition is still missing (changes nothing)`,
          },
        ]
      : []),
  ];
}

/** Lists the live state, defines only what is missing, and after a site's job confirms it left nothing missing. */
async function applySecurity(
  spec: StepSpec,
  jobs: SecurityJobs,
  items: readonly SecurityItem[],
  maxRc: number,
  ctx: ApplyContext,
): Promise<StepResult> {
  const { env } = spec;
  const { site, relist, purpose } = jobs;
  const listed = await listMissing(stepJob(spec, ctx, jobs.list), items);
  const missing = listed.map((m) => m.item);
  if (missing.length === 0) return { state: "unchanged", notes: ["the listing shows every definition in place"] };
  ctx.progress(`missing: ${missing.map((m) => m.id).join(", ")}`);
  const sysplex = env.topology.sysplex;
  const job = site ? jobs.define : prepareTemplateJob(spec, "job", "jobname", { sysplex, lines: systsinFor(defineCommands(missing)) });
  const notes: string[] = [
    `missing before this run: ${missing.map((m) => m.id).join("; ")}`,
    ...listed.flatMap((m) => (m.note ? [m.note] : [])),
  ];
  await submitOnce({
    ...stepJob(spec, ctx, job),
    maxRc,
    purpose,
    judge: (r) => (site ? { failures: [] } : judgeDefineJob(r, missing, notes)),
  });
  if (relist) await confirmSiteJob(stepJob(spec, ctx, relist), items, site!);
  return { state: "changed", notes };
}

/** Submits the listing job; the definitions it finds missing, with why when RACF said more than "not found". Anything it could not read fails the step. */
async function listMissing(
  job: ReturnType<typeof stepJob>,
  items: readonly SecurityItem[],
): Promise<{ item: SecurityItem; note?: string }[]> {
  let verdicts: { item: SecurityItem; verdict: ListingVerdict }[] = [];
  await submitOnce({
    ...job,
    maxRc: 8,
    purpose: "the security listing",
    judge: (r) => {
      verdicts = judgeListing(r, items);
      return { failures: listingFailures(verdicts), acceptRc: true };
    },
  });
  return verdicts.flatMap((v) =>
    v.verdict.state === "missing" ? [{ item: v.item, ...(v.verdict.note ? { note: v.verdict.note } : {}) }] : [],
  );
}

/**
 * Reads what each define command answered; a note per command, a failure per command that
 * failed or did not run, and per line tied to no command it was given (unknown, so shown).
 * A return code above maxRc passes only when everything was read and some command's ids say
 * "already defined", the one outcome that explains a non-zero code without a failure.
 */
export function judgeDefineJob(r: JobResult, missing: readonly SecurityItem[], notes: string[]): { failures: string[]; acceptRc: boolean } {
  const read = r.spool.filter((f) => f.ddname === "SYSTSPRT").map((f) => readTsoOutput(f.text));
  const outputs = read.flatMap((x) => x.outputs);
  const commands = defineCommands(missing);
  const failures: string[] = read.flatMap((x) => x.stray).map((l) => `SYSTSPRT line tied to no command: ${l}`);
  for (const o of outputs.filter((x) => !commands.some((c) => sameCommand(x.command, c)))) {
    failures.push(`output of a command the job was not given: ${[o.command, ...o.messages.filter((l) => l.trim())].join(" | ")}`);
  }
  let already = false;
  for (const command of commands) {
    const o = outputOf(outputs, command);
    if (!o) {
      failures.push(`${command}: no output (the command did not run)`);
      continue;
    }
    const { outcome, unread } = classifyDefine(o);
    notes.push(`${outcome}: ${command}`);
    if (outcome === "already defined") already = true;
    if (outcome === "failed") failures.push(`${command}: ${unread.join(" | ")}`);
  }
  return { failures, acceptRc: failures.length === 0 && already };
}

/** Lists again after the site's own job: anything still missing or unreadable fails the step with its lines. */
async function confirmSiteJob(job: ReturnType<typeof stepJob>, items: readonly SecurityItem[], site: string): Promise<void> {
  await submitOnce({
    ...job,
    maxRc: 8,
    purpose: `the security listing after ${site}`,
    judge: (r) => {
      const verdicts = judgeListing(r, items);
      const outputs = tsoOutputs(r);
      const answer = (item: SecurityItem) => outputOf(outputs, item.list)?.messages.join(" | ") || "no lines";
      const still = verdicts
        .filter((v) => v.verdict.state === "missing")
        .map((v) => `${v.item.id}: still missing after ${site} (${v.item.list}: ${answer(v.item)})`);
      return { failures: [...still, ...listingFailures(verdicts)], acceptRc: true };
    },
  });
}

function tsoOutputs(r: JobResult): TsoCommandOutput[] {
  return r.spool.filter((f) => f.ddname === "SYSTSPRT").flatMap((f) => splitTsoOutput(f.text));
}

export function judgeListing(
  r: JobResult,
  items: readonly SecurityItem[],
  now: Date = new Date(),
): { item: SecurityItem; verdict: ListingVerdict }[] {
  const outputs = tsoOutputs(r);
  return items.map((item) => ({
    item,
    verdict: classifyListing(item.subject, outputOf(outputs, item.list), now),
  }));
}

/**
 * What stops the step: an answer that could not be read (with its lines), or a certificate that
 * exists but cannot serve (NOTRUST, outside its dates, or without a name the servers are reached
 * by): never kept or replaced silently.
 */
export function listingFailures(verdicts: readonly { item: SecurityItem; verdict: ListingVerdict }[]): string[] {
  const out: string[] = [];
  for (const { item, verdict } of verdicts) {
    if (verdict.state === "unknown")
      out.push(`${item.id}: could not read the answer to ${item.list}: ${verdict.lines.join(" | ") || "(no lines)"}`);
    if (verdict.state === "mismatch") {
      out.push(
        `${item.id} exists but ${verdict.problems.join("; ")}` +
          (verdict.missingNames.length ? "; clients reaching z/OSMF by those names would be refused" : "; the servers cannot use it") +
          ". Replace or repair the certificate and run again; it was neither kept as is nor replaced.",
      );
    }
  }
  return out;
}
