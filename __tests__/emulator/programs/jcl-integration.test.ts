/** Programs fed by the project's JCL reader, so both sides agree on DDs, PARM and concatenations. */
import { describe, expect, it } from "vitest";
import { readJcl } from "../../../emulator/jes/jcl";
import type { JclStep, ProgramContext } from "../../../emulator/jes/types";
import { programs } from "../../../emulator/programs";
import { cc, job, newState, NOW } from "./helpers";

const IZUMKFS = `//IZUMKFS  JOB (ACCT),'MKFS',CLASS=A,MSGCLASS=H
//DEFINE   EXEC PGM=IDCAMS
//SYSPRINT DD SYSOUT=*
//SYSIN    DD *
  DEFINE CLUSTER (NAME(IZU.SIZUUSRD.ZOSMFA) -
/*
//         DD *
         LINEAR CYL(200 20) VOLUMES(ZOSVOL) SHAREOPTIONS(3))
/*
//FORMAT   EXEC PGM=IOEAGFMT,REGION=0M,
//         PARM=('-aggregate IZU.SIZUUSRD.ZOSMFA -compat')
//SYSPRINT DD SYSOUT=*
//MOUNT    EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  MKDIR '/global/zosmf' MODE(7,5,5)
  MKDIR '/global/zosmf/zosmfa' MODE(7,5,5)
  MOUNT FILESYSTEM('IZU.SIZUUSRD.ZOSMFA') TYPE(ZFS) MODE(RDWR) +
        MOUNTPOINT('/global/zosmf/zosmfa')
/*
//OWNER    EXEC PGM=BPXBATCH,
//         PARM='SH chown -R IZUSVR:IZUADMIN /global/zosmf/zosmfa'
//STDOUT   DD SYSOUT=*
//STDERR   DD SYSOUT=*
`;

describe("programs under the JCL reader", () => {
  it("runs an IZUMKFS-like job step by step and mounts on the job's system", () => {
    const read = readJcl(IZUMKFS);
    expect(read.errors).toEqual([]);
    const state = newState();
    const ccs: (number | string)[] = [];
    for (const step of read.parsed!.steps as JclStep[]) {
      const ctx: ProgramContext = { state, job: job("IZUMKFS", "IBMUSER", "SYSA"), step, system: "SYSA", user: "IBMUSER", nowIso: NOW };
      const r = programs[step.pgm!](ctx);
      ccs.push(cc(r));
      if (step.pgm === "IOEAGFMT")
        expect(r.outputs.SYSPRINT).toContain("IOEZ00077I HFS-compatibility aggregate IZU.SIZUUSRD.ZOSMFA has been successfully created");
    }
    expect(ccs).toEqual([0, 0, 0, 0]);
    expect(state.mounts).toEqual([
      { fsname: "IZU.SIZUUSRD.ZOSMFA", mountpoint: "/global/zosmf/zosmfa", fstype: "ZFS", mode: "rdwr", sysname: "SYSA" },
    ]);
    expect(state.uss.dirAttributes?.["/global/zosmf/zosmfa"]).toMatchObject({ owner: "IZUSVR", group: "IZUADMIN" });
  });
});
