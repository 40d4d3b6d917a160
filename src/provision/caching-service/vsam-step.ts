import type { FingerprintValue } from "../../engine/fingerprint";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import type { CachingService } from "../../topology";
import type { StepSpec } from "../context";
import { prepareTemplateJob } from "../ops/job-source";
import { datasetExists } from "../ops/read-current";
import { defaultSpoolFailures, stepJob, submitOnce, type JobResult } from "../ops/submit-once";
import { makeStep } from "../step";
import { clusterDifferences, parseListcat, type WantedCluster } from "./listcat";

/** Where the job's variables come from in the topology, so a refused value is named by its field. */
const VSAM_FIELDS = (nonRls: boolean): Record<string, string> => {
  const at = "cachingService.storage.vsam";
  return {
    name: `${at}.name`,
    storageClass: `${at}.rls.storageClass`,
    volume: nonRls ? `${at}.nonRls.volume` : "datasets.volume",
    keyLength: `${at}.keyLength`,
    recordLength: `${at}.recordLength`,
  };
};

type Vsam = NonNullable<CachingService["storage"]["vsam"]>;

/** What the topology asks of the cluster, read once for both the define and the check of an existing one. */
interface VsamPlan {
  readonly spec: StepSpec;
  readonly v: Vsam;
  readonly title: string;
  readonly maxRc: number;
  readonly rls: boolean;
  readonly volume: string;
  readonly wanted: WantedCluster;
  /** The planned attributes, in the plan's words. */
  readonly marker: string;
  /** The cluster's name and attributes, the step's inputs. */
  readonly inputs: FingerprintValue;
}

function vsamPlan(spec: StepSpec): VsamPlan {
  const { env } = spec;
  const v = env.topology.cachingService!.storage.vsam!;
  const step = spec.workflow.step(spec.stepId);
  const rls = v.rls !== undefined;
  const wanted: WantedCluster = {
    keyLength: v.keyLength,
    recordLength: v.recordLength,
    ...(v.rls ? { storageClass: v.rls.storageClass } : {}),
    ...(v.nonRls ? { volume: v.nonRls.volume } : {}),
  };
  const volume = v.nonRls?.volume ?? env.topology.datasets.volume;
  const marker = `attributes ${wanted.keyLength}/${wanted.recordLength}/${wanted.storageClass ?? `NONRLS ${volume}`}`;
  const inputs = {
    name: v.name,
    mode: rls ? "RLS" : "NONRLS",
    keyLength: v.keyLength,
    recordLength: v.recordLength,
    storageClass: v.rls?.storageClass,
    volume,
  };
  return { spec, v, title: step.title, maxRc: step.maxRc ?? 0, rls, volume, wanted, marker, inputs };
}

export async function planVsam(spec: StepSpec): Promise<PlannedStep> {
  const plan = vsamPlan(spec);
  const exists = await datasetExists(spec.env.client, plan.v.name);
  return exists ? planCheckExisting(plan) : planDefine(plan);
}

/** The cluster is not catalogued: one job defines it. */
function planDefine(plan: VsamPlan): PlannedStep {
  const { spec, v, rls, volume, maxRc } = plan;
  const job = prepareTemplateJob(
    spec,
    "job",
    "jobname",
    {
      name: v.name,
      mode: rls ? "RLS" : "NONRLS",
      rls,
      storageClass: v.rls?.storageClass ?? "",
      volume,
      keyLength: v.keyLength,
      recordLength: v.recordLength,
    },
    "",
    VSAM_FIELDS(v.nonRls !== undefined),
  );
  return makeStep(spec, {
    title: plan.title,
    inputs: plan.inputs,
    observed: `${v.name} is not catalogued; ${plan.marker}`,
    changes: [{ kind: "job", jobname: job.jobname, jcl: job.jcl, maxRc, purpose: `define the ${rls ? "RLS" : "NONRLS"} KSDS ${v.name}` }],
    apply: async (ctx) => {
      await submitOnce({
        ...stepJob(spec, ctx, job),
        maxRc,
        purpose: `the Caching Service data set ${v.name}`,
      });
      return { state: "changed", notes: [`${v.name} defined`] };
    },
  });
}

/** The cluster exists: a LISTCAT job at apply time tells whether it has the planned attributes. */
function planCheckExisting(plan: VsamPlan): PlannedStep {
  const { spec, v } = plan;
  // Every apply lists the cluster: the live catalogue decides, never a record of an earlier run.
  const list = prepareTemplateJob(spec, "list", "listJobname", { name: v.name }, "/list", VSAM_FIELDS(v.nonRls !== undefined));
  return makeStep(spec, {
    title: plan.title,
    inputs: plan.inputs,
    observed: `${v.name} exists; its key length, record size and RLS/volume attributes could not be checked without a LISTCAT job (not submitted while planning); ${plan.marker}`,
    changes: [
      {
        kind: "job",
        jobname: list.jobname,
        jcl: list.jcl,
        maxRc: 0,
        purpose: `list ${v.name} (changes nothing); the step is refused if its attributes differ`,
      },
    ],
    apply: async (ctx) => {
      const result = await submitOnce({
        ...stepJob(spec, ctx, list),
        maxRc: 0,
        purpose: `the LISTCAT of ${v.name}`,
        judge: (r) => ({ failures: defaultSpoolFailures(r.spool) }),
      });
      judgeListcat(plan, result);
      return { state: "unchanged", notes: [`${v.name} exists with the planned attributes`] };
    },
  });
}

/** Refuses a LISTCAT it cannot read, and a cluster whose attributes differ from the plan; nothing is deleted or redefined. */
function judgeListcat(plan: VsamPlan, result: JobResult): void {
  const { v } = plan;
  const attrs = parseListcat(
    result.spool
      .filter((f) => f.ddname === "SYSPRINT")
      .map((f) => f.text)
      .join("\n"),
  );
  if (!attrs) throw new HaError(`The LISTCAT of ${v.name} was not understood.`, { failureClass: "tool-failure" });
  const differences = clusterDifferences(attrs, plan.wanted);
  if (differences.length) {
    throw new HaError(`${v.name} already exists with other attributes; it was neither deleted nor redefined.`, {
      failureClass: "zos-failure",
      details: [...differences, `Delete it yourself if its data can go, or name another data set in cachingService.storage.vsam.name.`],
    });
  }
}
