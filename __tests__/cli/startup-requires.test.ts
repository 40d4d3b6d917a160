import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

/*
 * Every `zowe` start-up loads the plug-in's configuration module and command definitions, and a
 * command loads its handler: whatever they require, every user pays for on every run. The heavy
 * packages load where they are used (the template engine when a template is rendered, the diff
 * library when a change is shown); the emulator never loads from the plug-in at all.
 */
const HEAVY = ["handlebars", "diff", "yaml", "zod", "axios", "p-retry"] as const;

/** In a fresh Node process: require the given compiled modules, then name what of HEAVY and of lib/emulator got loaded. */
function loadedBy(modules: readonly string[]): { packages: string[]; emulatorFiles: number } {
  const script = `
    const files = JSON.parse(process.argv[1]);
    const heavy = JSON.parse(process.argv[2]);
    for (const f of files) require(f);
    // Exact files resolved from the plug-in: the host's own nested copies (imperative has a diff) do not count.
    const packages = heavy.filter((p) => require.cache[require.resolve(p, { paths: [files[0]] })] !== undefined);
    const emulatorFiles = Object.keys(require.cache).filter((k) => k.includes(${JSON.stringify(`${path.sep}lib${path.sep}emulator${path.sep}`)})).length;
    process.stdout.write(JSON.stringify({ packages, emulatorFiles }));
  `;
  const files = modules.map((m) => path.join(ROOT, "lib", m));
  const out = execFileSync(process.execPath, ["-e", script, JSON.stringify(files), JSON.stringify(HEAVY)], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out) as { packages: string[]; emulatorFiles: number };
}

describe("what a zowe start-up loads of the plug-in", () => {
  it("the configuration module and every command definition load none of the heavy packages and nothing of the emulator", () => {
    expect(loadedBy(["imperative.js"])).toEqual({ packages: [], emulatorFiles: 0 });
  });

  it("zowe ha verify loads neither the template engine nor the diff library: it renders no template and shows no change", () => {
    const loaded = loadedBy(["imperative.js", "commands/verify/Verify.handler.js"]);
    expect(loaded.packages).not.toContain("handlebars");
    expect(loaded.packages).not.toContain("diff");
    // What verify does need to read a topology is there: the scan is looking at the right files.
    expect(loaded.packages).toEqual(expect.arrayContaining(["yaml", "zod"]));
  });

  it("zowe ha verify loads the HTTP and retry libraries only when it first talks to z/OSMF: bad input never pays for them", () => {
    const loaded = loadedBy(["imperative.js", "commands/verify/Verify.handler.js"]);
    expect(loaded.packages).not.toContain("axios");
    expect(loaded.packages).not.toContain("p-retry");
  });

  it("the HTTP and retry libraries still load and work on a client's first request", () => {
    // A z/OSMF stand-in that is busy once, then answers: the request goes through axios and is retried once.
    const script = `
      const http = require("node:http");
      const { createZosmfClient } = require(${JSON.stringify(path.join(ROOT, "lib", "src", "zosmf", "client.js"))});
      const loaded = (p) => require.cache[require.resolve(p, { paths: [${JSON.stringify(ROOT)}] })] !== undefined;
      let calls = 0;
      const server = http.createServer((req, res) => {
        calls++;
        if (calls === 1) { res.writeHead(503); res.end(); return; }
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ zosmf_version: "29" }));
      });
      server.listen(0, "127.0.0.1", async () => {
        const before = { axios: loaded("axios"), retry: loaded("p-retry") };
        const client = createZosmfClient({ hostname: "127.0.0.1", port: server.address().port, protocol: "http", user: "IBMUSER", password: "sys1",
          retry: { minDelayMs: 1, maxDelayMs: 1 } });
        const info = await client.info();
        await client.close();
        server.close();
        process.stdout.write(JSON.stringify({ before, after: { axios: loaded("axios"), retry: loaded("p-retry") }, calls, version: info.zosmf_version }));
      });
    `;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as unknown;
    expect(out).toEqual({ before: { axios: false, retry: false }, after: { axios: true, retry: true }, calls: 2, version: "29" });
  });

  it("zowe ha provision loads the template engine and the diff library only when a template is rendered or a change shown", () => {
    const loaded = loadedBy(["imperative.js", "commands/provision/Provision.handler.js"]);
    expect(loaded.packages).not.toContain("handlebars");
    expect(loaded.packages).not.toContain("diff");
  });

  it("the template engine and the diff library still load and work on first use", () => {
    const loaded = loadedBy(["src/templates/render.js", "src/provision/ops/diff.js"]);
    expect(loaded.packages).toEqual([]);
    const script = `
      const { renderTemplate } = require(${JSON.stringify(path.join(ROOT, "lib", "src", "templates", "render.js"))});
      const { unifiedDiff } = require(${JSON.stringify(path.join(ROOT, "lib", "src", "provision", "ops", "diff.js"))});
      const text = renderTemplate({ name: "t.jcl.hbs", text: "//{{jclname name}} JOB" }, { name: "IZUSVR1" });
      process.stdout.write(JSON.stringify({ text, diff: unifiedDiff("SYS1.PARMLIB(IZUPRM00)", "A\\n", "B\\n") }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as {
      text: string;
      diff: string;
    };
    expect(out.text).toBe("//IZUSVR1 JOB");
    expect(out.diff).toContain("-A");
    expect(out.diff).toContain("+B");
  });

  it("no command's handler loads the emulator", () => {
    const handlers = ["init/Init", "provision/Provision", "rollback/Rollback", "unlock/Unlock", "runs/List", "runs/Show", "verify/Verify"];
    expect(loadedBy(handlers.map((h) => `commands/${h}.handler.js`)).emulatorFiles).toBe(0);
  });
});
