import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { client, startPlain, type Client } from "./helpers";

let em: Emulator;
let c: Client;
beforeAll(async () => {
  em = await startPlain();
  c = client(em);
});
afterAll(async () => {
  await em.stop();
});

const MEMBER = "/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM0A)";

describe("data sets and members", () => {
  it("§2.2 a new member is 201, a replaced one 204, both with an ETag", async () => {
    const created = await c.put(MEMBER, "HOSTNAME('*')\n");
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBeTruthy();
    const replaced = await c.put(MEMBER, "HOSTNAME('ZOSMF.EXAMPLE.COM')\n");
    expect(replaced.status).toBe(204);
    expect(replaced.headers.get("etag")).not.toBe(created.headers.get("etag"));
  });

  it("§2.2 a read with X-IBM-Return-Etag returns the ETag; If-Match with it (quoted or not) writes, a stale one is 412 with no body", async () => {
    const read = await c.get(MEMBER, { "X-IBM-Return-Etag": "true" });
    expect(read.status).toBe(200);
    expect(read.text).toBe("HOSTNAME('ZOSMF.EXAMPLE.COM')\n");
    const etag = read.headers.get("etag")!;
    const bare = etag.replace(/"/g, "");
    const ok = await c.put(MEMBER, "HOSTNAME('A')\n", { "If-Match": bare });
    expect(ok.status).toBe(204);
    const stale = await c.put(MEMBER, "HOSTNAME('B')\n", { "If-Match": etag });
    expect(stale.status).toBe(412);
    expect(stale.text).toBe("");
    const fresh = ok.headers.get("etag")!;
    expect((await c.put(MEMBER, "HOSTNAME('C')\n", { "If-Match": fresh })).status).toBe(204);
  });

  it("§2.7 a member that does not exist is 404 'Member not found'", async () => {
    const res = await c.get("/zosmf/restfiles/ds/SYS1.PARMLIB(NOSUCH)");
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ category: 6, rc: 8, reason: 524, message: "Member not found", details: ["SYS1.PARMLIB(NOSUCH)"] });
  });

  it("§2.7 a data set that does not exist is 404 'Data set not found.'", async () => {
    const res = await c.get("/zosmf/restfiles/ds/NO.SUCH.DS(X)");
    expect(res.status).toBe(404);
    expect(res.json()).toMatchObject({ category: 6, rc: 8, reason: 386400778, message: "Data set not found." });
  });

  it("§2.4 the data set list envelope has string attribute values", async () => {
    const plain = (await c.get("/zosmf/restfiles/ds?dslevel=SYS1.*")).json();
    expect(plain).toMatchObject({ JSONversion: 1, returnedRows: plain.items.length });
    expect(plain.items.map((i: { dsname: string }) => i.dsname)).toEqual(expect.arrayContaining(["SYS1.PARMLIB", "SYS1.PROCLIB"]));
    const base = (await c.get("/zosmf/restfiles/ds?dslevel=SYS1.PARMLIB", { "X-IBM-Attributes": "base" })).json();
    const item = base.items[0];
    expect(item).toMatchObject({ dsname: "SYS1.PARMLIB", dsorg: "PO", recfm: "FB", lrecl: "80" });
    for (const value of Object.values(item)) expect(typeof value).toBe("string");
    const empty = (await c.get("/zosmf/restfiles/ds?dslevel=NOTHING.HERE")).json();
    expect(empty).toEqual({ items: [], returnedRows: 0, JSONversion: 1 });
    const vsam = (await c.get("/zosmf/restfiles/ds?dslevel=OMVS.GLOBAL.ZFS", { "X-IBM-Attributes": "base" })).json();
    expect(vsam.items[0]).toMatchObject({ dsname: "OMVS.GLOBAL.ZFS", dsorg: "VS" });
  });

  it("§2.4 the member list has numbers in its statistics and honours pattern", async () => {
    const list = (await c.get("/zosmf/restfiles/ds/SYS1.IBM.PROCLIB/member?pattern=IZU*", { "X-IBM-Attributes": "base" })).json();
    expect(list.items.map((i: { member: string }) => i.member)).toEqual(["IZUANG1", "IZUFPROC", "IZUSVR1"]);
    expect(list.returnedRows).toBe(3);
    expect(list.JSONversion).toBe(1);
    expect(typeof list.items[0].cnorc).toBe("number");
    const plain = (await c.get("/zosmf/restfiles/ds/SYS1.IBM.PROCLIB/member?pattern=IZUS*")).json();
    expect(plain.items).toEqual([{ member: "IZUSVR1" }]);
  });

  it("§7.1 the seeded IZUSVR1 has a PROC statement with IZUPRM=", async () => {
    const text = (await c.get("/zosmf/restfiles/ds/SYS1.IBM.PROCLIB(IZUSVR1)")).text;
    expect(text).toMatch(/^\/\/IZUSVR1 +PROC IZUPRM=00/);
  });

  it("§2.3 create is 201; creating it again is the recorded 500 dynamic allocation error", async () => {
    const spec = { dsorg: "PO", recfm: "FB", lrecl: 80, blksize: 27920, primary: 1, dirblk: 5, alcunit: "CYL", dsntype: "LIBRARY" };
    expect((await c.post("/zosmf/restfiles/ds/HA.BACKUP", spec)).status).toBe(201);
    const again = await c.post("/zosmf/restfiles/ds/HA.BACKUP", spec);
    expect(again.status).toBe(500);
    expect(again.json()).toMatchObject({ category: 8, rc: -26868, reason: 0, message: "Dynamic allocation Error" });
    const listed = (await c.get("/zosmf/restfiles/ds?dslevel=HA.BACKUP", { "X-IBM-Attributes": "base" })).json();
    expect(listed.items[0]).toMatchObject({ dsorg: "PO-E", dsntp: "LIBRARY" });
  });

  it("§2.5 copies a member, replacing when asked", async () => {
    const res = await c.put("/zosmf/restfiles/ds/HA.BACKUP(IZUPRM00)", {
      request: "copy",
      "from-dataset": { dsn: "SYS1.PARMLIB", member: "IZUPRM00" },
      replace: true,
    });
    expect(res.status).toBe(200);
    const copy = (await c.get("/zosmf/restfiles/ds/HA.BACKUP(IZUPRM00)")).text;
    expect(copy).toBe((await c.get("/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM00)")).text);
  });

  it("§2.6 deletes a member and a data set with 204; a missing data set is 404 LMERASE", async () => {
    expect((await c.del("/zosmf/restfiles/ds/HA.BACKUP(IZUPRM00)")).status).toBe(204);
    expect((await c.get("/zosmf/restfiles/ds/HA.BACKUP(IZUPRM00)")).status).toBe(404);
    expect((await c.del("/zosmf/restfiles/ds/HA.BACKUP")).status).toBe(204);
    const gone = await c.del("/zosmf/restfiles/ds/HA.BACKUP");
    expect(gone.status).toBe(404);
    expect(gone.json().message).toBe("LMERASE error");
  });
});

describe("USS and mounted file systems", () => {
  it("§2.9 USS read returns an ETag, write with a stale If-Match is 412, created 201 then 204", async () => {
    const read = await c.get("/zosmf/restfiles/fs/global/zowe/zowe.yaml");
    expect(read.status).toBe(200);
    expect(read.text).toMatch(/caching-service:[\s\S]*mode: inMemory/);
    const etag = read.headers.get("etag")!;
    const write = await c.put("/zosmf/restfiles/fs/global/zowe/zowe.yaml", read.text.replace("inMemory", "infinispan"), {
      "If-Match": etag,
    });
    expect(write.status).toBe(204);
    expect(write.headers.get("etag")).not.toBe(etag);
    expect((await c.put("/zosmf/restfiles/fs/global/zowe/zowe.yaml", "x", { "If-Match": etag })).status).toBe(412);
    expect((await c.put("/zosmf/restfiles/fs/global/zowe/new.txt", "hello")).status).toBe(201);
    expect((await c.get("/zosmf/restfiles/fs/global/zowe/nothere")).status).toBe(404);
  });

  it("§2.9 lists mounted file systems; a path or fsname that matches nothing is 404 with empty items", async () => {
    const all = (await c.get("/zosmf/restfiles/mfs")).json();
    expect(all.items.map((m: { mountpoint: string }) => m.mountpoint)).toEqual(["/", "/global"]);
    expect(all.items[0]).toMatchObject({ fstname: "ZFS", sysname: "SYSA" });
    const byPath = (await c.get("/zosmf/restfiles/mfs?path=/global/zosmf")).json();
    expect(byPath.items[0].name).toBe("OMVS.GLOBAL.ZFS");
    const none = await c.get("/zosmf/restfiles/mfs?fsname=IZU.SIZUUSRD");
    expect(none.status).toBe(404);
    expect(none.json().items).toEqual([]);
  });

  it("§2.9 mount and unmount answer 204", async () => {
    expect(
      (await c.post("/zosmf/restfiles/mfs/zfs/IZU.SIZUUSRD", { perms: 755, cylsPri: 100, cylsSec: 10, volumes: ["ZOSVOL"] })).status,
    ).toBe(201);
    const mount = await c.put("/zosmf/restfiles/mfs/IZU.SIZUUSRD", {
      action: "mount",
      "mount-point": "/global/zosmf",
      "fs-type": "ZFS",
      mode: "rdwr",
    });
    expect(mount.status).toBe(204);
    const listed = (await c.get("/zosmf/restfiles/mfs?fsname=IZU.SIZUUSRD")).json();
    expect(listed.items[0]).toMatchObject({ mountpoint: "/global/zosmf", mode: expect.arrayContaining(["rdwr"]) });
    expect((await c.put("/zosmf/restfiles/mfs/IZU.SIZUUSRD", { action: "unmount" })).status).toBe(204);
    expect((await c.get("/zosmf/restfiles/mfs?fsname=IZU.SIZUUSRD")).status).toBe(404);
  });
});
