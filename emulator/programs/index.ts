/**
 * The batch programs a job step can run, by EXEC PGM= name. Every program is wrapped in
 * step allocation and disposition (allocation.ts), so DISP=(NEW,CATLG) and DISP=(..,DELETE)
 * work the same under any program.
 */
import type { Program } from "../jes/types";
import { iefbr14, withAllocation } from "./allocation";
import { bpxbatch } from "./bpxbatch";
import { iebcopy, iebgener } from "./copy";
import { idcams } from "./idcams";
import { tsoBatch } from "./tso";
import { ioeagfmt, ioefsutl } from "./zfs";

const raw: Record<string, Program> = {
  IDCAMS: idcams,
  IKJEFT01: tsoBatch("IKJEFT01"),
  IKJEFT1A: tsoBatch("IKJEFT1A"),
  IKJEFT1B: tsoBatch("IKJEFT1B"),
  IOEAGFMT: ioeagfmt,
  IOEFSUTL: ioefsutl,
  IEBCOPY: iebcopy,
  IEBGENER: iebgener,
  IEFBR14: iefbr14,
  BPXBATCH: bpxbatch,
};

export const programs: Record<string, Program> = Object.fromEntries(Object.entries(raw).map(([name, p]) => [name, withAllocation(p)]));

export { runIdcamsStatements } from "./idcams";
export { allocateStep, dispositionStep } from "./allocation";
export { mountFileSystem, unmountFileSystem } from "./zfs";
export { seedRacfAdministrator } from "./racf";
export { isSpecial } from "./racf-syntax";
export { certificateKey, keyringKey } from "./racdcert";
