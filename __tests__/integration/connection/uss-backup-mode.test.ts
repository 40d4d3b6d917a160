import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { safeWriteUss } from "../../../src/provision/ops/safe-write";
import { createZosmfClient, type ZosmfClient } from "../../../src/zosmf";
import { applyContext } from "../../unit/rollback/fixtures";

let emu: Emulator | undefined;
let client: ZosmfClient | undefined;
afterEach(async () => {
  await client?.close();
  await emu?.stop();
});

describe("the z/OS copy of a UNIX file the run changes", () => {
  it("keeps the original's permission bits: a private zowe.yaml gets a private .bak", async () => {
    emu = await start({ tls: false, port: 0, systems: ["SYSA"] });
    const url = new URL(emu.url);
    client = createZosmfClient({
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "http",
      user: emu.user,
      password: emu.password,
    });
    const path = "/global/zowe/zowe.yaml";
    emu.state.uss.dirs.push("/global/zowe");
    emu.state.uss.files[path] = { content: "zowe:\n  keystore:\n    password: s3cret-ks\n", etag: "E1", mode: "-rw-------" };
    const observed = await client.files.readUss(path);
    await safeWriteUss({
      client,
      ctx: applyContext(),
      stepId: "s",
      runToken: "T0000001",
      path,
      observed: { text: observed.text, etag: observed.etag ?? null },
      text: "zowe:\n  keystore:\n    password: s3cret-ks\n  caching: {}\n",
    });
    const copy = emu.state.uss.files[`${path}.ha-T0000001.bak`];
    expect(copy?.content).toContain("s3cret-ks");
    expect(copy?.mode).toBe("-rw-------");
    // Never wider on the way: the copy was created with these bits before the content went in.
    expect(emu.requestLog.counts["POST fs.create"]).toBe(1);
    // The original is the caller's own: no chown was needed, only the chmod.
    expect(emu.requestLog.counts["PUT fs.utility"]).toBe(1);
  });

  it("keeps the original's owner and group when they are not the user's: a zowe.yaml of ZWESVUSR stays ZWESVUSR's", async () => {
    emu = await start({ tls: false, port: 0, systems: ["SYSA"] });
    const url = new URL(emu.url);
    client = createZosmfClient({
      hostname: url.hostname,
      port: Number(url.port),
      protocol: "http",
      user: emu.user,
      password: emu.password,
    });
    const path = "/global/zowe/zowe.yaml";
    emu.state.uss.dirs.push("/global/zowe");
    emu.state.uss.files[path] = {
      content: "zowe:\n  keystore:\n    password: s3cret-ks\n",
      etag: "E1",
      mode: "-rw-r-----",
      owner: "ZWESVUSR",
      group: "ZWEADMIN",
    };
    const observed = await client.files.readUss(path);
    const text = "zowe:\n  keystore:\n    password: s3cret-ks\n  caching: {}\n";
    await safeWriteUss({
      client,
      ctx: applyContext(),
      stepId: "s",
      runToken: "T0000002",
      path,
      observed: { text: observed.text, etag: observed.etag ?? null },
      text,
    });
    const copy = emu.state.uss.files[`${path}.ha-T0000002.bak`];
    expect(copy).toMatchObject({ mode: "-rw-r-----", owner: "ZWESVUSR", group: "ZWEADMIN" });
    expect(copy?.content).toContain("s3cret-ks");
    expect(emu.state.uss.files[path]).toMatchObject({ content: text, owner: "ZWESVUSR", group: "ZWEADMIN" });
  });
});

describe("the emulator's chown utility", () => {
  it("takes owner, group, links and recursive as documented, and refuses a request without an owner or with another property", async () => {
    emu = await start({ tls: false, port: 0, systems: ["SYSA"] });
    emu.state.uss.dirs.push("/u");
    emu.state.uss.files["/u/f"] = { content: "", etag: "E1", mode: "-rw-------" };
    const chown = (body: object) =>
      fetch(new URL("/zosmf/restfiles/fs/u/f", emu!.url), {
        method: "PUT",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Basic ${Buffer.from(`${emu!.user}:${emu!.password}`).toString("base64")}`,
          "X-CSRF-ZOSMF-HEADER": "true",
        },
        body: JSON.stringify({ request: "chown", ...body }),
      }).then((r) => r.status);
    expect(await chown({ group: "ZWEADMIN" })).toBe(400);
    expect(await chown({ owner: "ZWESVUSR", mode: "rw-------" })).toBe(400);
    expect(emu.state.uss.files["/u/f"]).not.toHaveProperty("owner");
    expect(await chown({ owner: "ZWESVUSR", group: "ZWEADMIN", links: "suppress", recursive: false })).toBe(200);
    expect(emu.state.uss.files["/u/f"]).toMatchObject({ owner: "ZWESVUSR", group: "ZWEADMIN" });
  });
});
