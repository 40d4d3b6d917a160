import { readFileSync } from "node:fs";
import path from "node:path";
import { HaError } from "../../errors";
import { securityCatalogue } from "../../racf/security-catalogue";
import { systsinFor } from "../../racf/security-systsin";
import { assertValidJcl } from "../../templates/jcl-check";
import { builtinWorkflowsDir } from "../../templates/workflows-dir";
import { renderWithValues, type TemplateSource } from "../../templates/render";
import type { Topology } from "../../topology";
import type { VerifyClient } from "../types";

/*
 * The one job `verify --deep` submits: the security catalogue's listing commands and nothing
 * else, rendered from the same template the provision step lists with.
 */

const JOBNAME = "IZUSECL";
/** Every command the listing job may hold: RACF's listing commands only. */
const LISTING = /^(LISTGRP|LISTUSER|RLIST|RACDCERT\s+(ID\(\S+\)|CERTAUTH|SITE)\s+(LIST|LISTRING)\()\s*/i;

/** The listing commands, once each, in catalogue order; refused if any is not a listing. */
export function listingCommands(t: Topology): string[] {
  const commands = [...new Set(securityCatalogue(t).map((i) => i.list))];
  const other = commands.filter((c) => !LISTING.test(c));
  if (other.length)
    throw new HaError("verify --deep submits only listing commands; these are not:", { failureClass: "tool-failure", details: other });
  return commands;
}

/** The hot-standby workflow's templates, where the provision step's listing job comes from too. */
function templatesDir(): string {
  return path.join(builtinWorkflowsDir(), "zosmf-ha", "templates");
}

const source = (dir: string, file: string): TemplateSource => ({
  name: `zosmf-ha/templates/${file}`,
  text: readFileSync(path.join(dir, file), "utf8"),
});

/** The listing job's JCL, checked as JES reads it. */
export function listingJcl(t: Topology): string {
  const dir = templatesDir();
  const template = source(dir, "izusec-list.jcl.hbs");
  const rendered = renderWithValues(
    template,
    { jobname: JOBNAME, sysplex: t.sysplex, lines: systsinFor(listingCommands(t)) },
    { partials: { jobcard: source(dir, "jobcard.hbs") } },
  );
  const jcl = rendered.text.replace(/[ \t]+$/gm, "").replace(/\n+$/, "\n");
  assertValidJcl(jcl, template.name, rendered.values, { closedInstream: true });
  return jcl;
}

/** Submits the listing job once, waits for it, and returns its SYSTSPRT text. */
export async function runListingJob(client: VerifyClient, t: Topology, timeoutMs: number): Promise<string> {
  if (!client.jobs) throw new HaError("this client cannot submit the listing job", { failureClass: "tool-failure" });
  const jcl = listingJcl(t);
  const job = await client.jobs.submitJcl(jcl);
  const ref = { jobname: String(job.jobname), jobid: String(job.jobid) };
  await client.jobs.waitForOutput(ref, { timeoutMs });
  const files = await client.jobs.spoolFiles(ref);
  const prints = files.filter((f) => f.ddname === "SYSTSPRT");
  if (prints.length === 0) throw new HaError(`job ${ref.jobname}(${ref.jobid}) has no SYSTSPRT`, { failureClass: "tool-failure" });
  const texts = await Promise.all(prints.map((f) => client.jobs!.readSpool(ref, Number(f.id))));
  return texts.join("\n");
}
