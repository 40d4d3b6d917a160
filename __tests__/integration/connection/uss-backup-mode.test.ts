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
    client = createZosmfClient({ hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password });
    const path = "/global/zowe/zowe.yaml";
    emu.state.uss.dirs.push("/global/zowe");
    emu.state.uss.files[path] = { content: "zowe:\n  keystore:\n    password: s3cret-ks\n", etag: "E1", mode: "-rw-------" };
    const observed = await client.files.readUss(path);
    await safeWriteUss({ client, ctx: applyContext(), stepId: "s", runToken: "T0000001", path, observed: { text: observed.text, etag: observed.etag ?? null }, text: "zowe:\n  keystore:\n    password: s3cret-ks\n  caching: {}\n" });
    const copy = emu.state.uss.files[`${path}.ha-T0000001.bak`];
    expect(copy?.content).toContain("s3cret-ks");
    expect(copy?.mode).toBe("-rw-------");
    // Never wider on the way: the copy was created with these bits before the content went in.
    expect(emu.requestLog.counts["POST fs.create"]).toBe(1);
  });
});
