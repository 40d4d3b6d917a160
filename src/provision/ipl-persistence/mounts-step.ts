import type { PlannedStep } from "../../engine/types";
import { addMount } from "../../ipl/bpxprm-edit";
import { parseIeasys, suffixParameter } from "../../ipl/ieasys-parse";
import { systemField } from "../../templates/topology-fields";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { readMember } from "../ops/read-current";
import { planMemberEdit } from "./persistence-member";

/** The system's BPXPRMxx gets a MOUNT of its z/OSMF USER_DIR file system, so the next IPL mounts it again. */
export async function planMounts(spec: StepSpec, system: string): Promise<PlannedStep> {
  const t = spec.env.topology;
  const sys = systemByName(t, system);
  const z = sys.zosmf!;
  const suffix = sys.ipl!.bpxprm!;
  const member = `BPXPRM${suffix}`;
  const want = { fileSystem: z.zfs, mountPoint: z.userDir, sysname: system };
  return planMemberEdit(spec, {
    system,
    member,
    field: `${systemField(t, system)}.ipl.bpxprm`,
    inPlace: `already mounts ${z.zfs} at ${z.userDir}`,
    written: `${system} mounts ${z.zfs} at ${z.userDir} at its next IPL`,
    edit: (text) => addMount(text, want),
    warnings: await omvsWarnings(spec, system, suffix),
  });
}

/** The MOUNT counts only if the system reads the member: say so when its IEASYSxx's OMVS= leaves it out. */
async function omvsWarnings(spec: StepSpec, system: string, suffix: string): Promise<string[]> {
  const t = spec.env.topology;
  const ieasys = systemByName(t, system).ipl?.ieasys;
  if (!ieasys) return [];
  const read = await readMember(spec.env.client, t.datasets.parmlib, `IEASYS${ieasys}`);
  // A missing or unreadable IEASYSxx is the autostart step's finding.
  if (read.text === null) return [];
  const omvs = suffixParameter(parseIeasys(read.text), "OMVS");
  if (omvs.state === "listed" && !omvs.suffixes.includes(suffix))
    return [
      `IEASYS${ieasys} names OMVS=(${omvs.suffixes.join(",")}), without ${suffix}: ${system} does not read BPXPRM${suffix} at IPL unless it is added there`,
    ];
  if (omvs.state === "absent")
    return [`IEASYS${ieasys} has no OMVS=: ${system} reads BPXPRM${suffix} at IPL only if IEASYS00 or the operator names it`];
  return [];
}
