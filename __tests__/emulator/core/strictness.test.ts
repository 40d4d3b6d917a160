/**
 * Requests real z/OS refuses and the emulator must refuse too: lowercase JCL (§1.6),
 * data set creates without a valid name or attributes (§2.3), mounts without their fields (§2.9).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { readJcl } from "../../../emulator/jes/jcl";
import { client, finishJobs, JOB, startPlain, type Client } from "./helpers";

let em: Emulator;
let c: Client;
beforeAll(async () => {
  em = await startPlain();
  c = client(em);
});
afterAll(async () => {
  await em.stop();
});

const submit = (jcl: string) =>
  c.put("/zosmf/restjobs/jobs", jcl, { "X-IBM-Intrdr-Lrecl": "80", "X-IBM-Intrdr-Recfm": "F", "X-IBM-Intrdr-Mode": "TEXT" });

describe("§1.6 JCL is upper case", () => {
  it("a lowercase job verb is not a job: 400 rc 4 reason 13 category 6", async () => {
    const res = await submit("//lowjob job (ACCT),'TEST',CLASS=A\n//S1 EXEC PGM=IEFBR14\n");
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, reason: 13, category: 6, message: "Job input was not recognized by system as a job" });
  });

  it("lowercase exec and dd operations are a JCL ERROR (IEFC605I)", async () => {
    for (const steps of ["//S1 exec PGM=IEFBR14\n", "//S1 EXEC PGM=IEFBR14\n//DD1 dd DUMMY\n"]) {
      const res = await submit(JOB("LOWOP", steps));
      expect(res.status).toBe(201);
      const doc = res.json();
      await finishJobs(c);
      const status = (await c.get(`/zosmf/restjobs/jobs/${doc.jobname}/${doc.jobid}`)).json();
      expect(status).toMatchObject({ status: "OUTPUT", retcode: "JCL ERROR" });
    }
    expect(readJcl(JOB("LOWOP", "//S1 exec PGM=IEFBR14\n")).errors.join()).toMatch(/IEFC605I/);
  });

  it("a lowercase name is an invalid label; PGM= and DSN= values and in-stream data stay as written", () => {
    expect(readJcl(JOB("LOWNAME", "//step1 EXEC PGM=IEFBR14\n")).errors.join()).toMatch(/IEFC662I/);
    const r = readJcl(
      JOB(
        "ASIS",
        "//S1 EXEC PGM=iefbr14\n//IN DD DSN=my.data(mem),DISP=SHR\n//Q DD DSN='Quoted.Name',DISP=SHR\n//SYSIN DD *\n  keep me\n/*\n",
      ),
    );
    expect(r.errors).toEqual([]);
    const step = r.parsed!.steps[0];
    expect(step.pgm).toBe("iefbr14");
    expect(step.dds[0]).toMatchObject({ dsn: "my.data", member: "mem" });
    expect(step.dds[1].dsn).toBe("Quoted.Name");
    expect(step.dds[2].instream).toEqual(["  keep me"]);
  });
});

describe("§2.3 data set create", () => {
  const PDS = { dsorg: "PO", alcunit: "TRK", primary: 1, dirblk: 5, recfm: "FB", lrecl: 80, blksize: 6160 };

  it("a name with a qualifier over 8 characters is 400, nothing created", async () => {
    const res = await c.post("/zosmf/restfiles/ds/HA.TOOLONGQUAL.JCL", PDS);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ rc: 4, category: 1, message: expect.stringContaining("HA.TOOLONGQUAL.JCL") });
    expect((await c.get("/zosmf/restfiles/ds?dslevel=HA.TOOLONGQUAL.JCL")).json().items).toEqual([]);
  });

  it("a create with no JSON body, or neither dsorg nor like, is 400", async () => {
    expect((await c.request("POST", "/zosmf/restfiles/ds/HA.NOBODY")).status).toBe(400);
    const noAttrs = await c.post("/zosmf/restfiles/ds/HA.NOATTRS", { recfm: "FB" });
    expect(noAttrs.status).toBe(400);
    expect(noAttrs.json()).toMatchObject({ rc: 4, category: 7 });
    expect((await c.get("/zosmf/restfiles/ds?dslevel=HA.NO*")).json().items).toEqual([]);
  });

  it("dsorg or like is enough (201)", async () => {
    expect((await c.post("/zosmf/restfiles/ds/HA.STRICT.PDS", PDS)).status).toBe(201);
    expect((await c.post("/zosmf/restfiles/ds/HA.STRICT.LIKE", { like: "HA.STRICT.PDS" })).status).toBe(201);
  });
});

describe("§2.9 mount request fields", () => {
  const MOUNT = "/zosmf/restfiles/mfs/IZU.STRICT.ZFS";
  beforeAll(async () => {
    expect(
      (await c.post("/zosmf/restfiles/mfs/zfs/IZU.STRICT.ZFS", { perms: 755, cylsPri: 10, cylsSec: 1, volumes: ["ZOSVOL"] })).status,
    ).toBe(201);
  });

  it("a missing mount-point or fs-type, or a mode other than rdonly/rdwr, is 400 and mounts nothing", async () => {
    for (const spec of [
      { action: "mount", "fs-type": "ZFS", mode: "rdwr" },
      { action: "mount", "mount-point": "/global/zosmf", mode: "rdwr" },
      { action: "mount", "mount-point": "/global/zosmf", "fs-type": "ZFS", mode: "write" },
    ]) {
      const res = await c.put(MOUNT, spec);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ rc: 4, category: 7 });
    }
    expect((await c.get("/zosmf/restfiles/mfs?fsname=IZU.STRICT.ZFS")).status).toBe(404);
  });

  it("mode is case-insensitive and defaults to rdonly", async () => {
    expect((await c.put(MOUNT, { action: "mount", "mount-point": "/global/zosmf", "fs-type": "zfs", mode: "RDWR" })).status).toBe(204);
    expect((await c.get("/zosmf/restfiles/mfs?fsname=IZU.STRICT.ZFS")).json().items[0].mode).toContain("rdwr");
    expect((await c.put(MOUNT, { action: "unmount" })).status).toBe(204);
    expect((await c.put(MOUNT, { action: "mount", "mount-point": "/global/zosmf", "fs-type": "ZFS" })).status).toBe(204);
    expect((await c.get("/zosmf/restfiles/mfs?fsname=IZU.STRICT.ZFS")).json().items[0].mode).toContain("rdonly");
  });
});
