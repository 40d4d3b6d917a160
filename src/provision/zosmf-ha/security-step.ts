import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { renderTemplate } from "../../templates/render";
import { zosmfHaSystems } from "../../topology";
import type { StepSpec } from "../context";
import { prepareSiteJob, prepareTemplateJob } from "../ops/job-source";
import { recordShowsDone } from "../ops/last-record";
import { submitOnce, type JobResult } from "../ops/submit-once";
import { makeStep } from "../step";
import { classifyDefine, classifyListing, splitTsoOutput, tsoLines, type TsoCommandOutput } from "./racf-output";

const itemSchema = z.array(
  z.strictObject({ id: z.string(), list: z.string(), define: z.array(z.string()).min(1), refresh: z.array(z.string()).default([]) }),
);
export type SecurityItem = z.infer<typeof itemSchema>[number];

/** The RACF definitions for this topology, from the workflow's command catalogue. */
export function securityItems(spec: Pick<StepSpec, "env" | "workflow" | "stepId">): { items: SecurityItem[]; inputs: string } {
  const t = spec.env.topology;
  const ha = t.zosmfHa!;
  const step = spec.workflow.step(spec.stepId);
  const procs = [...zosmfHaSystems(t).map((m) => m.system.zosmf.serverProc), ha.angelProc];
  const text = renderTemplate(spec.workflow.template(step, "commands"), {
    sysplex: t.sysplex,
    angelProc: ha.angelProc,
    safPrefix: ha.safPrefix,
    keyring: ha.keyring,
    hostname: ha.hostname,
    dvipa: ha.dvipa,
    startedProcs: [...new Set(procs)].map((proc) => ({ proc, user: "IZUSVR" })),
  });
  const parsed = itemSchema.safeParse(parseYaml(text));
  if (!parsed.success) {
    throw new HaError(`${spec.workflow.template(step, "commands").name} does not render a list of RACF items.`, {
      failureClass: "invalid-input",
      details: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
  }
  return { items: parsed.data, inputs: createHash("sha256").update(text).digest("hex").slice(0, 12) };
}

/** SYSTSIN lines for the given items, ending with a RACLIST refresh of the classes they touch. */
export function defineLines(items: readonly SecurityItem[]): string[] {
  const classes = [...new Set(items.flatMap((i) => i.refresh))];
  const commands = [...items.flatMap((i) => i.define), ...(classes.length ? [`SETROPTS RACLIST(${classes.join(" ")}) REFRESH`] : [])];
  return commands.flatMap((c) => tsoLines(c));
}

export async function planSecurity(spec: StepSpec): Promise<PlannedStep> {
  const { env } = spec;
  const ha = env.topology.zosmfHa!;
  const step = spec.workflow.step(spec.stepId);
  const maxRc = step.maxRc ?? 4;
  const { items, inputs } = securityItems(spec);
  const done = recordShowsDone(env.lastSuccessfulRecord, spec.id, `inputs ${inputs}`);
  if (done) {
    return makeStep(spec, { title: step.title, observed: `defined by run ${done} (inputs ${inputs}); not listed again`, changes: [], apply: async () => ({ state: "unchanged" }) });
  }
  const custom = ha.security?.member;
  const listJob = prepareTemplateJob(spec, "list", "listJobname", { sysplex: env.topology.sysplex, lines: items.flatMap((i) => tsoLines(i.list)) }, "/list");
  const fullJob = custom
    ? await prepareSiteJob(spec, custom, { SAFPFX: ha.safPrefix, KEYRING: ha.keyring, HOSTNAME: ha.hostname, DVIPA: ha.dvipa })
    : prepareTemplateJob(spec, "job", "jobname", { sysplex: env.topology.sysplex, lines: defineLines(items) });
  const purpose = custom ? `the site's security job ${custom}` : "RACF definitions for z/OSMF (only those the listing finds missing)";

  return makeStep(spec, {
    title: step.title,
    observed: `state unknown without a listing job (not submitted while planning; inputs ${inputs})`,
    changes: [
      { kind: "job", jobname: listJob.jobname, jcl: listJob.jcl, maxRc: 8, purpose: "list the z/OSMF groups, users, profiles and key ring (changes nothing)" },
      { kind: "job", jobname: fullJob.jobname, jcl: fullJob.jcl, maxRc, purpose },
    ],
    apply: async (ctx) => {
      const base = { client: env.client, ctx, stepId: spec.id, owner: env.owner, timeoutMs: env.jobTimeoutMs };
      const listed = await submitOnce({
        ...base,
        jobname: listJob.jobname,
        jcl: listJob.jcl,
        token: listJob.token,
        maxRc: 8,
        purpose: "the security listing",
        judge: (r) => ({ failures: listingFailures(r, items), acceptRc: true }),
      });
      const outputs = tsoOutputs(listed);
      const missing = items.filter((item) => classifyListing(outputs.find((o) => sameCommand(o.command, item.list)) ?? { command: item.list, messages: ["NOT FOUND"] }) === "missing");
      if (missing.length === 0) return { state: "unchanged", notes: ["the listing shows every definition in place"] };
      ctx.progress(`missing: ${missing.map((m) => m.id).join(", ")}`);
      const job = custom ? fullJob : prepareTemplateJob(spec, "job", "jobname", { sysplex: env.topology.sysplex, lines: defineLines(missing) });
      const notes: string[] = [];
      await submitOnce({
        ...base,
        jobname: job.jobname,
        jcl: job.jcl,
        token: job.token,
        ...(job.symbols ? { symbols: job.symbols } : {}),
        maxRc,
        purpose,
        judge: (r) => {
          const outcomes = tsoOutputs(r).map((o) => ({ o, outcome: classifyDefine(o) }));
          for (const { o, outcome } of outcomes) notes.push(`${outcome}: ${o.command}`);
          const failures = outcomes.filter((x) => x.outcome === "failed").map((x) => `${x.o.command}: ${x.o.messages.join(" ")}`);
          // An RC above maxRc is fine only when "already defined" answers explain it.
          return { failures, acceptRc: failures.length === 0 };
        },
      });
      return { state: "changed", notes };
    },
  });
}

function tsoOutputs(r: JobResult): TsoCommandOutput[] {
  return r.spool.filter((f) => f.ddname === "SYSTSPRT").flatMap((f) => splitTsoOutput(f.text));
}

function sameCommand(echo: string, command: string): boolean {
  const norm = (s: string) => s.replace(/\s*-\s*$/gm, " ").replace(/\s+/g, " ").trim().toUpperCase();
  return norm(echo) === norm(command);
}

function listingFailures(r: JobResult, items: readonly SecurityItem[]): string[] {
  const outputs = tsoOutputs(r);
  if (outputs.length === 0) return ["SYSTSPRT holds no command output"];
  return items
    .map((item) => ({ item, out: outputs.find((o) => sameCommand(o.command, item.list)) }))
    .filter((x) => !x.out || classifyListing(x.out) === "unknown")
    .map((x) => `${x.item.list}: ${x.out ? x.out.messages.join(" ") : "no output"}`);
}
