/**
 * `npm run demo`: the whole job on the emulator, as a user would run it. Starts the
 * emulated sysplex (HTTPS with its own CA, so TLS verification stays on), installs the
 * packed plug-in into a throw-away Zowe home with a team config for the emulator, then
 * runs `zowe ha provision` and `zowe ha verify` on the example topology.
 *
 *   npm run demo [-- --topology examples/three-system-all.yaml] [-- --keep]
 */
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { parse } from "yaml";
import { start } from "../emulator";
import { startSiteServers } from "./demo-site-servers";

const ROOT = path.resolve(__dirname, "..", "..");

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { topology: { type: "string", default: path.join("examples", "two-system.yaml") }, keep: { type: "boolean", default: false } },
  });
  const topologySource = path.resolve(ROOT, values.topology!);
  const systems = systemsOf(topologySource);
  const work = mkdtempSync(path.join(tmpdir(), "zowe-ha-demo-"));
  const home = path.join(work, "zowe-home");

  step(`Starting the z/OSMF sysplex emulator (${systems.join(", ")})`);
  const emulator = await start({ systems, tls: true, perSystemListeners: true, dvipaListeners: true });
  try {
    const url = new URL(emulator.url);
    console.log(`  z/OSMF at ${emulator.url}, user ${emulator.user}, CA ${emulator.caFile}`);

    step("Packing the plug-in and installing it into an isolated Zowe home");
    execFileSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    const tgz = path.join(
      work,
      readdirSync(work).find((f) => f.endsWith(".tgz"))!,
    );
    const env = { ...process.env, ZOWE_CLI_HOME: home, NODE_EXTRA_CA_CERTS: emulator.caFile, FORCE_COLOR: "0" };
    // The dependencies are in npm's cache since `npm install`: do not wait on the registry.
    const installed = await zowe(["plugins", "install", tgz], { ...env, npm_config_prefer_offline: "true" }, { quiet: true });
    if (installed !== 0) throw new Error(`zowe plugins install ${tgz} failed with exit code ${installed}`);
    writeTeamConfig(home, { host: url.hostname, port: Number(url.port), user: emulator.user, password: emulator.password });
    console.log(`  installed ${path.basename(tgz)} into ${home}`);

    const topology = path.join(work, path.basename(topologySource));
    copyFileSync(topologySource, topology);

    step(`zowe ha provision --topology ${path.basename(topology)} --dry-run`);
    const planned = await zowe(["ha", "provision", "-t", topology, "--dry-run"], env);
    step(`zowe ha provision --topology ${path.basename(topology)} --start-servers`);
    const provisioned = await zowe(["ha", "provision", "-t", topology, "--start-servers", "--job-timeout", "120"], env);
    step(`zowe ha provision --topology ${path.basename(topology)}   (again: nothing left to do)`);
    const again = await zowe(["ha", "provision", "-t", topology], env);
    const siteTopology = parse(readFileSync(topology, "utf8")) as Parameters<typeof startSiteServers>[1];
    if ((siteTopology.portSharing ?? []).length + (siteTopology.distributedServices ?? []).length > 0 || siteTopology.gateway) {
      step("The site starts its z/OS Connect, IMS Connect and Zowe gateway servers (their procedures are the site's, not the plug-in's)");
      for (const line of startSiteServers(emulator, siteTopology)) console.log(line);
    }
    step(`zowe ha verify --topology ${path.basename(topology)}`);
    // The DVIPA of the example (a documentation address) is served by the emulator on a local port: say so to verify.
    await emulator.settle();
    const connectTo = Object.entries(emulator.dvipaUrls).map(([dvipa, url]) => `${dvipa}=${url}`);
    const verified = await zowe(
      [
        "ha",
        "verify",
        "-t",
        topology,
        "--junit",
        path.join(work, "verify.xml"),
        ...(connectTo.length > 0 ? ["--connect-to", ...connectTo] : []),
      ],
      env,
    );

    const mapped = connectTo.length > 0 ? ["--connect-to", ...connectTo] : [];
    step(`zowe ha drill --topology ${path.basename(topology)}   (quiesce the preferred z/OSMF, time the takeover, resume it)`);
    const drilled = await zowe(["ha", "drill", "-t", topology, "--junit", path.join(work, "drill.xml"), ...mapped], env);
    step(`zowe ha graph --topology ${path.basename(topology)} --verify --out graph.svg`);
    const drawn = await zowe(["ha", "graph", "-t", topology, "--verify", "--out", path.join(work, "graph.svg"), ...mapped], env);

    step("Summary");
    console.log(
      `  dry run exit ${planned}, provision exit ${provisioned}, second provision exit ${again}, verify exit ${verified}, ` +
        `drill exit ${drilled}, graph exit ${drawn}`,
    );
    console.log(`  run records, JUnit reports and graph.svg in ${work}`);
    return [planned, provisioned, again, verified, drilled, drawn].find((c) => c !== 0) ?? 0;
  } finally {
    await emulator.stop();
    if (!values.keep) rmSync(home, { recursive: true, force: true });
  }
}

function step(title: string): void {
  console.log(`\n=== ${title}`);
}

function zowe(args: string[], env: NodeJS.ProcessEnv, options: { quiet?: boolean } = {}): Promise<number> {
  const bin = path.join(ROOT, "node_modules", ".bin", "zowe");
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"] });
    // A prompt cannot appear (credentials come from the team config), but never wait for ever.
    const timer = setTimeout(() => child.kill("SIGTERM"), 600_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

function writeTeamConfig(home: string, c: { host: string; port: number; user: string; password: string }): void {
  const config = {
    $schema: "./zowe.schema.json",
    profiles: {
      emulator: {
        type: "zosmf",
        properties: { host: c.host, port: c.port, rejectUnauthorized: true, user: c.user, password: c.password },
        // Plain-text credentials: the demo's throw-away home has no secure vault.
        secure: [],
      },
    },
    defaults: { zosmf: "emulator" },
    autoStore: false,
  };
  writeFileSync(path.join(home, "zowe.config.json"), JSON.stringify(config, null, 2));
}

function systemsOf(file: string): string[] {
  // Only the names are needed to size the emulator; the plug-in validates the file itself.
  const doc = parse(readFileSync(file, "utf8")) as { systems?: { name?: string }[] };
  const names = (doc.systems ?? []).map((s) => String(s.name ?? "").toUpperCase()).filter(Boolean);
  return names.length > 0 ? names : ["SYSA", "SYSB"];
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
