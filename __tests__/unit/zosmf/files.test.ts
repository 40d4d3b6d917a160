import nock from "nock";
import { describe, expect, it } from "vitest";
import { ZosmfError } from "../../../src/zosmf/index";
import { client, netError, rejection, useNock, zosmf } from "./helpers";

const MEMBER_PATH = "/zosmf/restfiles/ds/SYS1.PARMLIB(IZUPRM0A)";
const TEXT = "HOSTNAME('zosmf.plex.example')\nHTTP_SSL_PORT(443)\n";

describe("files: members and data sets", () => {
  useNock();

  it("reads a member with its ETag, quoted or not", async () => {
    zosmf()
      .get(MEMBER_PATH)
      .matchHeader("x-ibm-return-etag", "true")
      .reply(200, TEXT, { ETag: '"A1B2C3"' })
      .get(MEMBER_PATH)
      .reply(200, TEXT, { ETag: "D4E5" });
    const c = client();
    expect(await c.files.read("sys1.parmlib", "izuprm0a")).toEqual({ text: TEXT, etag: "A1B2C3" });
    expect((await c.files.read("SYS1.PARMLIB", "IZUPRM0A")).etag).toBe("D4E5");
  });

  it("a missing member is a not-found error with z/OSMF's message", async () => {
    zosmf()
      .get("/zosmf/restfiles/ds/HA.JCL(JUNK)")
      .reply(404, { category: 6, rc: 8, reason: 524, message: "Member not found", details: ["HA.JCL(JUNK)"] });
    const err = await rejection(client().files.read("HA.JCL", "JUNK"));
    expect(err).toBeInstanceOf(ZosmfError);
    expect(err.kind).toBe("not-found");
    expect(err.failureClass).toBe("zos-failure");
    expect(err.message).toContain("Member not found");
    expect(err.details).toContain("HA.JCL(JUNK)");
  });

  it("refuses a guarded write whose ETag is empty instead of writing unguarded", async () => {
    let calls = 0;
    zosmf()
      .put(/.*/)
      .reply(204)
      .on("request", () => calls++);
    await expect(client().files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT, { ifMatch: '""' })).rejects.toThrow(/empty ETag/);
    expect(calls).toBe(0);
    nock.cleanAll();
  });

  it("writes text; 201 means created, 204 replaced, and If-Match goes out unquoted", async () => {
    let headers: Record<string, unknown> = {};
    let body: unknown;
    zosmf()
      .put(MEMBER_PATH)
      .reply(201, "", { ETag: '"E1"' })
      .put(MEMBER_PATH)
      .reply(function (_uri, reqBody) {
        headers = this.req.headers;
        body = reqBody;
        return [204, "", { ETag: "E2" }];
      });
    const c = client();
    expect(await c.files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT)).toEqual({ etag: "E1", created: true });
    expect(await c.files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT, { ifMatch: '"E1"' })).toEqual({ etag: "E2", created: false });
    expect(headers["if-match"]).toBe("E1");
    expect(headers["content-type"]).toMatch(/^text\/plain/);
    expect(headers["x-ibm-data-type"]).toBe("text");
    expect(body).toBe(TEXT);
  });

  it("412 on a guarded write is a conflict carrying the current ETag", async () => {
    zosmf().put(MEMBER_PATH).matchHeader("if-match", "OLD").reply(412, "", { ETag: '"NEWER"' });
    const err = await rejection(client().files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT, { ifMatch: "OLD" }));
    expect(err.kind).toBe("conflict");
    expect(err.etag).toBe("NEWER");
    expect(err.status).toBe(412);
  });

  it("does not repeat an unguarded write after 503", async () => {
    let calls = 0;
    zosmf()
      .put(MEMBER_PATH)
      .times(3)
      .reply(503)
      .on("request", () => calls++);
    const err = await rejection(client().files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT));
    expect(calls).toBe(1);
    expect(err.kind).toBe("server");
    nock.cleanAll();
  });

  it("repeats a guarded write after 503", async () => {
    zosmf().put(MEMBER_PATH).reply(503).put(MEMBER_PATH).reply(204, "", { ETag: "E9" });
    expect(await client().files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT, { ifMatch: "E1" })).toEqual({ etag: "E9", created: false });
  });

  it("a repeated write that meets 412 checks whether the lost first try already landed", async () => {
    zosmf()
      .put(MEMBER_PATH)
      .replyWithError(netError("ECONNRESET"))
      .put(MEMBER_PATH)
      .reply(412)
      .get(MEMBER_PATH)
      .reply(200, TEXT.replace("\n", "   \n"), { ETag: "MINE" });
    expect(await client().files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT, { ifMatch: "E1" })).toEqual({ etag: "MINE", created: false });
  });

  it("a repeated write that meets 412 and finds other content still reports the conflict", async () => {
    zosmf()
      .put(MEMBER_PATH)
      .replyWithError(netError("ECONNRESET"))
      .put(MEMBER_PATH)
      .reply(412, "", { ETag: "THEIRS" })
      .get(MEMBER_PATH)
      .reply(200, "SOMEONE ELSE\n", { ETag: "THEIRS" });
    const err = await rejection(client().files.write("SYS1.PARMLIB", "IZUPRM0A", TEXT, { ifMatch: "E1" }));
    expect(err.kind).toBe("conflict");
    expect(err.etag).toBe("THEIRS");
  });

  it("lists all members matching a pattern", async () => {
    zosmf()
      .get("/zosmf/restfiles/ds/SYS1.PARMLIB/member")
      .query({ pattern: "IZUPRM*" })
      .matchHeader("x-ibm-max-items", "0")
      .reply(200, { items: [{ member: "IZUPRM00" }, { member: "IZUPRM0A" }], returnedRows: 2, JSONversion: 1 });
    expect(await client().files.listMembers("SYS1.PARMLIB", { pattern: "IZUPRM*" })).toEqual(["IZUPRM00", "IZUPRM0A"]);
  });

  it("lists data sets with base attributes, values as strings", async () => {
    zosmf()
      .get("/zosmf/restfiles/ds")
      .query({ dslevel: "HA.**" })
      .matchHeader("x-ibm-attributes", "base")
      .reply(200, { items: [{ dsname: "HA.JCL", dsorg: "PO-E", lrecl: "80" }], returnedRows: 1, JSONversion: 1 });
    const items = await client().files.listDatasets("ha.**", { attributes: true });
    expect(items).toEqual([{ dsname: "HA.JCL", dsorg: "PO-E", lrecl: "80" }]);
  });

  it("creates a data set with the given attributes and does not repeat it", async () => {
    const attrs = {
      dsorg: "PO",
      alcunit: "TRK",
      primary: 10,
      secondary: 5,
      dirblk: 20,
      recfm: "FB",
      blksize: 27920,
      lrecl: 80,
      volser: "VOL001",
    } as const;
    let calls = 0;
    zosmf()
      .post("/zosmf/restfiles/ds/HA.JCL", attrs)
      .reply(201)
      .on("request", () => calls++);
    await client().files.createDataset("ha.jcl", attrs);
    expect(calls).toBe(1);
  });

  it("copies a member with a utilities request", async () => {
    zosmf()
      .put("/zosmf/restfiles/ds/SYS1.PROCLIB(IZUSVRA)", {
        request: "copy",
        "from-dataset": { dsn: "SYS1.IBM.PROCLIB", member: "IZUSVR1" },
        replace: true,
      })
      .reply(200);
    await client().files.copyMember({
      from: { dsn: "SYS1.IBM.PROCLIB", member: "IZUSVR1" },
      to: { dsn: "SYS1.PROCLIB", member: "IZUSVRA" },
      replace: true,
    });
  });

  it("refuses names that are not data set or member names before sending", async () => {
    const c = client();
    await expect(c.files.read("HA.JCL/../X")).rejects.toThrow(/not a valid data set name/);
    await expect(c.files.read("HA.JCL", "TOOLONGNAME")).rejects.toThrow(/not a valid member name/);
  });
});

describe("files: z/OS UNIX", () => {
  useNock();

  it("lists mounts by path; 404 with no items means none", async () => {
    zosmf()
      .get("/zosmf/restfiles/mfs")
      .query({ path: "/global/zosmf" })
      .reply(200, {
        items: [{ name: "IZU.SIZUUSRD", mountpoint: "/global/zosmf", fstname: "ZFS", mode: ["rdwr"], sysname: "SYSA" }],
        returnedRows: 1,
      })
      .get("/zosmf/restfiles/mfs")
      .query({ fsname: "IZU.MISSING" })
      .reply(404, { items: [], returnedRows: 0 });
    const c = client();
    expect((await c.files.listMounts({ path: "/global/zosmf" }))[0]).toMatchObject({ name: "IZU.SIZUUSRD", mode: ["rdwr"] });
    expect(await c.files.listMounts({ fsname: "izu.missing" })).toEqual([]);
  });

  it("reads and writes a file with its ETag", async () => {
    zosmf()
      .get("/zosmf/restfiles/fs/global/zowe/zowe.yaml")
      .matchHeader("x-ibm-return-etag", "true")
      .reply(200, "zowe:\n  setup: {}\n", { ETag: '"U1"' })
      .put("/zosmf/restfiles/fs/global/zowe/zowe.yaml", "zowe: {}\n")
      .matchHeader("if-match", "U1")
      .reply(204, "", { ETag: "U2" });
    const c = client();
    const { text, etag } = await c.files.readUss("/global/zowe/zowe.yaml");
    expect(text).toBe("zowe:\n  setup: {}\n");
    expect(await c.files.writeUss("/global/zowe/zowe.yaml", "zowe: {}\n", { ifMatch: etag })).toEqual({ etag: "U2" });
  });
});
