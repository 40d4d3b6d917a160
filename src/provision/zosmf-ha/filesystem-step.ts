import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { systemField } from "../../templates/topology-fields";
import { systemByName } from "../../topology";
import type { MountedFileSystem } from "../../zosmf";
import type { StepSpec } from "../context";
import { prepareSiteJob, prepareTemplateJob, type PreparedJob } from "../ops/job-source";
import { datasetExists } from "../ops/read-current";
import { stepJob, submitOnce } from "../ops/submit-once";
import { makeStep } from "../step";

/** IBM's IZUMKFS sample defines the z/OSMF data file system with CYL(200 20). */
export const IZUMKFS_SPACE = { primary: 200, secondary: 20 } as const;

/** Where the job's variables come from in the topology, so a refused value is named by its field. */
function filesystemFields(t: Parameters<typeof systemByName>[0], system: string): Record<string, string> {
  const sys = systemField(t, system);
  const zosmf = Object.fromEntries(Object.keys(systemByName(t, system).zosmf ?? {}).map((k) => [`system.zosmf.${k}`, `${sys}.zosmf.${k}`]));
  return {
    ...zosmf,
    "system.name": `${sys}.name`,
    zfs: `${sys}.zosmf.zfs`,
    userDir: `${sys}.zosmf.userDir`,
    volume: "datasets.volume",
    primaryCyl: `${sys}.zosmf.zfsSpace.primary`,
    secondaryCyl: `${sys}.zosmf.zfsSpace.secondary`,
  };
}

export async function planFilesystem(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const z = systemByName(env.topology, system).zosmf!;
  const title = spec.workflow.step(spec.stepId).title;
  const mounts = await env.client.files.listMounts({ path: z.userDir });
  const here = mounts.filter((m) => m.mountpoint.replace(/\/+$/, "") === z.userDir.replace(/\/+$/, ""));
  const ours = here.find((m) => m.name.toUpperCase() === z.zfs.toUpperCase());
  if (ours) {
    return makeStep(spec, {
      title,
      system,
      observed: `${z.zfs} is mounted at ${z.userDir}${ours.sysname ? ` (owned by ${ours.sysname})` : ""}`,
      changes: [],
      apply: async () => ({ state: "unchanged" }),
    });
  }
  if (here.length > 0) return planRefuseOther(spec, system, here);
  return planMount(spec, system);
}

/** Another file system is mounted at the directory: the step stops rather than hide it under ours. */
function planRefuseOther(spec: StepSpec, system: string, here: readonly MountedFileSystem[]): PlannedStep {
  const t = spec.env.topology;
  const z = systemByName(t, system).zosmf!;
  const other = here.map((m) => m.name).join(", ");
  const message = `${other} is mounted at ${z.userDir}, not ${z.zfs}; the file system step refuses to mount over it.`;
  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    system,
    observed: message,
    changes: [],
    blocker: new HaError(message, {
      failureClass: "invalid-input",
      details: [`Unmount ${other} or change ${systemField(t, system)}.zosmf.userDir / zfs in the topology.`],
    }),
    apply: async () => ({ state: "unchanged" }),
  });
}

/** Nothing is mounted at the directory: one job defines the zFS if it is not catalogued, then creates the directory and mounts it. */
async function planMount(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const z = systemByName(env.topology, system).zosmf!;
  const step = spec.workflow.step(spec.stepId);
  const exists = await datasetExists(env.client, z.zfs);
  const job = await mountJob(spec, system, exists);
  const maxRc = step.maxRc ?? 0;
  const purpose = exists
    ? `create ${z.userDir} and mount the existing ${z.zfs} there on ${system}`
    : `define and format ${z.zfs}, create ${z.userDir} and mount it there on ${system}`;
  return makeStep(spec, {
    title: step.title,
    system,
    observed: `nothing is mounted at ${z.userDir}; ${z.zfs} ${exists ? "is catalogued (not formatted again)" : "is not catalogued"}`,
    changes: [{ kind: "job", jobname: job.jobname, jcl: job.jcl, maxRc, purpose }],
    apply: async (ctx) => {
      await submitOnce({
        ...stepJob(spec, ctx, job),
        maxRc,
        purpose,
      });
      const after = await env.client.files.listMounts({ path: z.userDir });
      if (!after.some((m) => m.name.toUpperCase() === z.zfs.toUpperCase())) {
        throw new HaError(`The job ended well but ${z.zfs} is not mounted at ${z.userDir}.`, { failureClass: "zos-failure" });
      }
      return { state: "changed", notes: [`${z.zfs} mounted at ${z.userDir} on ${system}`] };
    },
  });
}

/** The site's own member when the topology names one, else the shipped template; `exists` leaves out the define. */
async function mountJob(spec: StepSpec, system: string, exists: boolean): Promise<PreparedJob> {
  const t = spec.env.topology;
  const sys = systemByName(t, system);
  const z = sys.zosmf!;
  const custom = t.zosmfHa?.fileSystem?.member;
  if (custom) return prepareSiteJob(spec, custom, { ZFS: z.zfs, USERDIR: z.userDir, SYSTEM: system, VOLUME: t.datasets.volume });
  return prepareTemplateJob(
    spec,
    "job",
    "jobname",
    {
      // SYSAFF names the JES2 member, which need not be spelled like the MVS system name.
      system: { name: system, jes2Member: sys.jes2Member ?? system, zosmf: z },
      define: !exists,
      zfs: z.zfs,
      volume: t.datasets.volume,
      primaryCyl: z.zfsSpace?.primary ?? IZUMKFS_SPACE.primary,
      secondaryCyl: z.zfsSpace?.secondary ?? IZUMKFS_SPACE.secondary,
      userDir: z.userDir,
    },
    "",
    filesystemFields(t, system),
  );
}
