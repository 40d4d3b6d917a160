/**
 * Hostile and broken topologies against a live emulator: each is refused as input
 * (exit code 3) naming its field and what is allowed, and the emulator receives no
 * request of any kind, so no payload reaches z/OS in any form.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Document } from "yaml";
import { start, type Emulator } from "../../../emulator";
import { exitCodeFor } from "../../../src/errors";
import { provision } from "../../../src/run/provision";
import { rollback } from "../../../src/run/rollback";
import { verify } from "../../../src/run/verify";
import { TopologyError } from "../../../src/topology";
import type { ZosmfConnection } from "../../../src/zosmf";
import { all, DIST_SERVICE, set, twoSystemText, variant, type Path } from "../../unit/topology/variants";

let emu: Emulator;
let connection: ZosmfConnection;
const dir = mkdtempSync(join(tmpdir(), "ha-hostile-"));
let requestsSeenByClient = 0;

beforeAll(async () => {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"] });
  const url = new URL(emu.url);
  connection = {
    hostname: url.hostname,
    port: Number(url.port),
    protocol: "http",
    user: emu.user,
    password: emu.password,
    retry: { attempts: 1 },
  };
});

afterAll(async () => {
  await emu?.stop();
});

type Entry = "provision" | "dry-run" | "rollback" | "verify";
const EVERY: Entry[] = ["provision", "dry-run", "rollback", "verify"];

interface Case {
  title: string;
  /** Writes the topology and returns the path to hand to the command. */
  file: () => string;
  /** The field the refusal must name ("" for the file as a whole). */
  path: string;
  entries?: Entry[];
}

let n = 0;
function written(text: string | Buffer): string {
  const file = join(dir, `t${++n}.yaml`);
  writeFileSync(file, text);
  return file;
}
const edited = (edit: (doc: Document) => void) => () => written(variant(edit));

/*
 * Payloads in the shape of each language a value could end up in: JCL, TSO/SYSTSIN,
 * the z/OS UNIX shell, console commands, TCP/IP statements, YAML and zowe.yaml, URLs.
 */
const PAYLOADS: [string, string][] = [
  ["a second JCL statement", "X\n//EVIL    JOB (ACCT),CLASS=A"],
  ["a new SYSTSIN line", "Q\n ADDUSER EVIL SPECIAL"],
  ["a TSO operand that closes itself", "R)ID(IBMUSER"],
  ["a shell command list", "S;rm -rf /"],
  ["a shell substitution", "T$(id)"],
  ["a back-quoted command", "U`id`"],
  ["a console command separator", "V,CMD=D"],
  ["a quote that ends a literal", "W'X"],
  ["a double quote", 'W"X'],
  ["a zowe.yaml expression", "${{ zowe.setup.x }}"],
  ["a template expression", "{{ evil }}"],
  ["a NUL byte", "A\u0000B"],
  ["a line separator", "A\u2028B"],
  ["a tab", "A\tB"],
  ["a TCP/IP comment that hides the rest", "A;PORT 23"],
  ["a blank", "A B"],
  ["a path upward", "../../etc"],
  ["a 300-character value", "A".repeat(300)],
];

/** Every name field, with how the payload is set into an otherwise plausible value. */
const NAME_FIELDS: { path: Path; shown: string; wrap: (payload: string) => unknown }[] = [
  { path: ["sysplex"], shown: "sysplex", wrap: (p) => p },
  { path: ["systems", 0, "name"], shown: "systems[0].name", wrap: (p) => p },
  { path: ["systems", 0, "hostname"], shown: "systems[0].hostname", wrap: (p) => `sysa${p}.example.com` },
  { path: ["systems", 0, "tcpip", "proc"], shown: "systems[0].tcpip.proc", wrap: (p) => p },
  { path: ["systems", 0, "zosmf", "izuprmSuffix"], shown: "systems[0].zosmf.izuprmSuffix", wrap: (p) => p },
  { path: ["systems", 0, "zosmf", "autostartGroup"], shown: "systems[0].zosmf.autostartGroup", wrap: (p) => p },
  { path: ["systems", 1, "zosmf", "serverProc"], shown: "systems[1].zosmf.serverProc", wrap: (p) => p },
  { path: ["systems", 0, "zosmf", "userDir"], shown: "systems[0].zosmf.userDir", wrap: (p) => `/global/zosmf/${p}` },
  { path: ["systems", 1, "zosmf", "zfs"], shown: "systems[1].zosmf.zfs", wrap: (p) => `IZU.${p}` },
  { path: ["datasets", "parmlib"], shown: "datasets.parmlib", wrap: (p) => `SYS1.${p}` },
  { path: ["datasets", "proclib"], shown: "datasets.proclib", wrap: (p) => p },
  { path: ["datasets", "procSource"], shown: "datasets.procSource", wrap: (p) => `SYS1.${p}` },
  { path: ["datasets", "obey"], shown: "datasets.obey", wrap: (p) => `TCPIP.${p}` },
  { path: ["datasets", "backup"], shown: "datasets.backup", wrap: (p) => `HA.${p}` },
  { path: ["datasets", "volume"], shown: "datasets.volume", wrap: (p) => p },
  { path: ["datasets", "jclLib"], shown: "datasets.jclLib", wrap: (p) => `SITE.${p}` },
  { path: ["zosmfHa", "keyring"], shown: "zosmfHa.keyring", wrap: (p) => `IZUKeyring.${p}` },
  { path: ["zosmfHa", "safPrefix"], shown: "zosmfHa.safPrefix", wrap: (p) => p },
  { path: ["zosmfHa", "angelProc"], shown: "zosmfHa.angelProc", wrap: (p) => p },
  { path: ["zosmfHa", "hostname"], shown: "zosmfHa.hostname", wrap: (p) => `plex${p}.example.com` },
  { path: ["zosmfHa", "security", "member"], shown: "zosmfHa.security.member", wrap: (p) => `SITE.JCL(${p})` },
  { path: ["zosmfHa", "fileSystem", "member"], shown: "zosmfHa.fileSystem.member", wrap: (p) => `SITE.${p}(IZUMKFS)` },
  { path: ["cachingService", "zoweYaml"], shown: "cachingService.zoweYaml", wrap: (p) => `/global/zowe/${p}/zowe.yaml` },
  { path: ["portSharing", 0, "name"], shown: "portSharing[0].name", wrap: (p) => p },
  { path: ["portSharing", 0, "jobPrefix"], shown: "portSharing[0].jobPrefix", wrap: (p) => `ZCHA*${p}` },
  { path: ["portSharing", 0, "servers", 0], shown: "portSharing[0].servers[0]", wrap: (p) => p },
  { path: ["distributedServices", 0, "name"], shown: "distributedServices[0].name", wrap: (p) => `ims${p}` },
  { path: ["distributedServices", 0, "targets", 0, "server"], shown: "distributedServices[0].targets[0].server", wrap: (p) => p },
  { path: ["systems", 1, "connection", "profile"], shown: "systems[1].connection.profile", wrap: (p) => `lpar2${p}` },
];

const injections: Case[] = NAME_FIELDS.flatMap((field) =>
  PAYLOADS.map(([what, payload]) => ({
    title: `${field.shown}: ${what}`,
    file: edited(set(field.path, field.wrap(payload))),
    path: field.shown,
  })),
);

const sys = (i: number, ...rest: Path): Path => ["systems", i, ...rest];
const ha = (...rest: Path): Path => ["zosmfHa", ...rest];

const values: Case[] = [
  // paths that lead elsewhere than they seem
  {
    title: "USER_DIR climbing to /etc",
    file: edited(set(sys(0, "zosmf", "userDir"), "/global/zosmf/../../etc")),
    path: "systems[0].zosmf.userDir",
  },
  {
    title: "USER_DIR through .",
    file: edited(set(sys(1, "zosmf", "userDir"), "/global/zosmf/./zosmfa")),
    path: "systems[1].zosmf.userDir",
  },
  { title: "USER_DIR with //", file: edited(set(sys(1, "zosmf", "userDir"), "/global//zosmf/zosmfb")), path: "systems[1].zosmf.userDir" },
  { title: "USER_DIR of the root", file: edited(set(sys(0, "zosmf", "userDir"), "/")), path: "systems[0].zosmf.userDir" },
  { title: "USER_DIR /usr", file: edited(set(sys(0, "zosmf", "userDir"), "/usr")), path: "systems[0].zosmf.userDir" },
  {
    title: "USER_DIR inside the other system's",
    file: edited(set(sys(1, "zosmf", "userDir"), "/global/zosmf/zosmfa/b")),
    path: "systems[1].zosmf.userDir",
  },
  {
    title: "zowe.yaml up and out",
    file: edited(set(["cachingService", "zoweYaml"], "/global/zowe/../../etc/passwd")),
    path: "cachingService.zoweYaml",
  },
  { title: "zowe.yaml relative", file: edited(set(["cachingService", "zoweYaml"], "zowe.yaml")), path: "cachingService.zoweYaml" },
  {
    title: "a base path climbing out",
    file: edited(set(ha("connection"), { host: "localhost", basePath: "/a/../../b" })),
    path: "zosmfHa.connection.basePath",
  },
  // addresses
  ...[
    ["0.0.0.0", "zosmfHa.dvipa"],
    ["127.0.0.1", "zosmfHa.dvipa"],
    ["224.0.0.5", "zosmfHa.dvipa"],
    ["239.255.255.250", "zosmfHa.dvipa"],
    ["240.0.0.1", "zosmfHa.dvipa"],
    ["255.255.255.255", "zosmfHa.dvipa"],
    ["192.0.2.0", "zosmfHa.dvipa"],
    ["192.0.2.255", "zosmfHa.dvipa"],
    ["192.0.2.1.5", "zosmfHa.dvipa"],
    ["192.0.2.010x", "zosmfHa.dvipa"],
  ].map(([address, path]) => ({ title: `DVIPA ${address}`, file: edited(set(ha("dvipa"), address)), path })),
  {
    title: "XCF address 0.0.0.0",
    file: edited(set(sys(0, "tcpip", "dynamicXcf", "address"), "0.0.0.0")),
    path: "systems[0].tcpip.dynamicXcf.address",
  },
  {
    title: "XCF address on loopback",
    file: edited(set(sys(1, "tcpip", "dynamicXcf", "address"), "127.1.1.1")),
    path: "systems[1].tcpip.dynamicXcf.address",
  },
  {
    title: "XCF address the subnet broadcast",
    file: edited(set(sys(1, "tcpip", "dynamicXcf", "address"), "198.51.100.255")),
    path: "systems[1].tcpip.dynamicXcf.address",
  },
  {
    title: "XCF address the subnet itself",
    file: edited(
      all(set(sys(1, "tcpip", "dynamicXcf", "address"), "198.51.100.64"), set(sys(1, "tcpip", "dynamicXcf", "mask"), "255.255.255.192")),
    ),
    path: "systems[1].tcpip.dynamicXcf.address",
  },
  {
    title: "service DVIPA multicast",
    file: edited(set(["distributedServices", 0, "dvipa"], "230.1.2.3")),
    path: "distributedServices[0].dvipa",
  },
  {
    title: "service DVIPA host part all ones",
    file: edited(
      all(set(["distributedServices", 0, "dvipa"], "192.0.2.15"), set(["distributedServices", 0, "dvipaMask"], "255.255.255.240")),
    ),
    path: "distributedServices[0].dvipa",
  },
  { title: "BIND to broadcast", file: edited(set(["portSharing", 0, "bind"], "255.255.255.255")), path: "portSharing[0].bind" },
  { title: "a mask with holes", file: edited(set(ha("dvipaMask"), "255.255.0.255")), path: "zosmfHa.dvipaMask" },
  { title: "a mask of zero", file: edited(set(ha("dvipaMask"), "0.0.0.0")), path: "zosmfHa.dvipaMask" },
  {
    title: "a mask written as a prefix",
    file: edited(set(sys(0, "tcpip", "dynamicXcf", "mask"), "/24")),
    path: "systems[0].tcpip.dynamicXcf.mask",
  },
  // ports
  {
    title: "z/OSMF port in the Caching Service",
    file: edited(set(ha("port"), 7600)),
    path: "cachingService.storage.infinispan.jgroupsPort",
  },
  { title: "shared port on the z/OSMF port", file: edited(set(["portSharing", 0, "port"], 443)), path: "portSharing[0].port" },
  {
    title: "outbound port on the key-exchange port",
    file: edited(set(["portSharing", 0, "outboundPort"], 7601)),
    path: "portSharing[0].outboundPort",
  },
  {
    title: "distributed port on the z/OSMF port",
    file: edited(set(["distributedServices", 0, "ports"], [443])),
    path: "distributedServices[0].ports[0]",
  },
  {
    title: "distributed port on another prefix's shared port",
    file: edited(set(["distributedServices", 0, "ports"], [9443])),
    path: "distributedServices[0].ports[0]",
  },
  {
    title: "two services, two servers, one port",
    file: edited(
      set(["distributedServices", 1], {
        ...DIST_SERVICE,
        name: "two",
        dvipa: "192.0.2.3",
        targets: [{ system: "SYSA", server: "OTHER", weight: 1 }],
      }),
    ),
    path: "distributedServices[1].ports[0]",
  },
  { title: "port 0", file: edited(set(ha("port"), 0)), path: "zosmfHa.port" },
  { title: "port 65536", file: edited(set(["portSharing", 0, "port"], 65536)), path: "portSharing[0].port" },
  { title: "port as text", file: edited(set(["portSharing", 0, "port"], "9443;")), path: "portSharing[0].port" },
  // protocol and options TCP/IP refuses
  { title: "UDP with SHAREPORTWLM", file: edited(set(["portSharing", 0, "protocol"], "UDP")), path: "portSharing[0].protocol" },
  {
    title: "UDP with SHAREPORT",
    file: edited(all(set(["portSharing", 0, "protocol"], "UDP"), set(["portSharing", 0, "mode"], "SHAREPORT"))),
    path: "portSharing[0].protocol",
  },
  { title: "a protocol TCP/IP does not have", file: edited(set(["portSharing", 0, "protocol"], "SCTP")), path: "portSharing[0].protocol" },
  {
    title: "DESTIP ALL-style sharing mode",
    file: edited(set(["portSharing", 0, "mode"], "SHAREPORT BIND 0.0.0.0")),
    path: "portSharing[0].mode",
  },
  // key rings and names
  { title: "key ring of 238 characters", file: edited(set(ha("keyring"), "K".repeat(238))), path: "zosmfHa.keyring" },
  { title: "key ring owned by another user", file: edited(set(ha("keyring"), "IBMUSER/IZUKeyring")), path: "zosmfHa.keyring" },
  { title: "key ring *", file: edited(set(ha("keyring"), "*")), path: "zosmfHa.keyring" },
  {
    title: "data set name of 45 characters",
    file: edited(set(["datasets", "jclLib"], "ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH.ABCDEFGH.A")),
    path: "datasets.jclLib",
  },
  {
    title: "member name of 9 characters",
    file: edited(set(ha("security"), { member: "SITE.JCL(IZUSECURE)" })),
    path: "zosmfHa.security.member",
  },
  {
    title: "Redis address with an expression",
    file: edited(
      all(
        set(["cachingService", "storage", "mode"], "redis"),
        (d) => d.deleteIn(["cachingService", "storage", "infinispan"]),
        set(["cachingService", "storage", "redis"], { masterNodeUri: "u:${{ x }}@redis.example.com:6379" }),
      ),
    ),
    path: "cachingService.storage.redis.masterNodeUri",
  },
];

const files: Case[] = [
  {
    title: "a named pipe",
    path: "",
    file: () => {
      const fifo = join(dir, `fifo${++n}.yaml`);
      execFileSync("mkfifo", [fifo]);
      return fifo;
    },
  },
  {
    title: "a directory",
    path: "",
    file: () => {
      const d = join(dir, `dir${++n}.yaml`);
      mkdirSync(d);
      return d;
    },
  },
  { title: "a character device", path: "", file: () => "/dev/null" },
  { title: "a file of 2 MB", path: "", file: () => written(`${twoSystemText()}\n#${"y".repeat(2 * 1024 * 1024)}\n`) },
  {
    title: "invalid UTF-8",
    path: "",
    file: () => written(Buffer.concat([Buffer.from(twoSystemText()), Buffer.from([0x23, 0xc3, 0x28, 0x0a])])),
  },
  { title: "UTF-16", path: "", file: () => written(Buffer.from(`\ufeff${twoSystemText()}`, "utf16le")) },
  {
    title: "an alias bomb",
    path: "",
    file: () => {
      const lines = ["b0: &b0 [z, z, z, z, z, z, z, z]"];
      for (let i = 1; i < 10; i++)
        lines.push(
          `b${i}: &b${i} [${Array(8)
            .fill(`*b${i - 1}`)
            .join(", ")}]`,
        );
      return written(`${twoSystemText()}\n${lines.join("\n")}\n`);
    },
  },
  {
    title: "a loop of symbolic links",
    path: "",
    file: () => {
      const a = join(dir, `loop${++n}a.yaml`);
      const b = join(dir, `loop${n}b.yaml`);
      symlinkSync(b, a);
      symlinkSync(a, b);
      return a;
    },
  },
  { title: "a missing file", path: "", file: () => join(dir, "no-such-file.yaml") },
  { title: "a key written twice", path: "", file: () => written(`${twoSystemText()}\nversion: 1\n`) },
  { title: "an empty file", path: "", file: () => written("") },
  { title: "broken JSON", path: "", file: () => written('{ "version": 1, "sysplex": "PLEX1", ') },
  {
    title: "a YAML tag for a JavaScript function",
    path: "x",
    file: () => written(`${twoSystemText()}\nx: !!js/function "function(){}"\n`),
  },
];

const credentials: Case[] = [
  {
    title: "a system connection to another host",
    file: edited(set(sys(1, "connection"), { host: "collector.example.net" })),
    path: "systems[1].connection.host",
    entries: ["verify"],
  },
  {
    title: "zosmfHa.connection to another host",
    file: edited(set(ha("connection"), { host: "collector.example.net", port: 443 })),
    path: "zosmfHa.connection.host",
    entries: ["verify"],
  },
  {
    title: "another host by address",
    file: edited(set(sys(0, "connection"), { host: "203.0.113.9", port: 443 })),
    path: "systems[0].connection.host",
    entries: ["verify"],
  },
];

const corpus = [...injections, ...values, ...files, ...credentials];

async function refusal(entry: Entry, file: string): Promise<unknown> {
  const onRequest = () => {
    requestsSeenByClient++;
  };
  const common = { topologyFile: file, connection, recordDir: join(dir, "runs") };
  switch (entry) {
    case "provision":
      return provision({ ...common, onRequest }).then(
        () => undefined,
        (e: unknown) => e,
      );
    case "dry-run":
      return provision({ ...common, dryRun: true, onRequest }).then(
        () => undefined,
        (e: unknown) => e,
      );
    case "rollback":
      return rollback({ ...common, onRequest }).then(
        () => undefined,
        (e: unknown) => e,
      );
    case "verify":
      return verify({ topologyFile: file, connection, onRequest, systemTimeoutMs: 5_000 }).then(
        () => undefined,
        (e: unknown) => e,
      );
  }
}

describe("hostile and broken topologies reach z/OS in no form", () => {
  test("the corpus holds at least 150 invalid topologies", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(150);
  });

  test("the unbroken topology does reach the emulator, so silence below means refusal", async () => {
    const before = emu.requestLog.total;
    const result = await provision({ topologyFile: written(variant()), connection, dryRun: true, recordDir: join(dir, "runs") });
    expect(result.sysplex).toBe("PLEX1");
    expect(emu.requestLog.total).toBeGreaterThan(before);
  });

  test.each(corpus)("$title", async ({ file, path, entries = EVERY }) => {
    const topologyFile = file();
    const before = { log: emu.requestLog.total, client: requestsSeenByClient };
    for (const entry of entries) {
      const err = await refusal(entry, topologyFile);
      expect(err, `${entry} accepted it`).toBeInstanceOf(TopologyError);
      expect(exitCodeFor(err)).toBe(3);
      const problems = (err as TopologyError).problems;
      const problem = problems.find((p) => p.path === path);
      expect(problem, `${entry}: no problem at '${path}' among ${problems.map((p) => p.path).join(", ")}`).toBeDefined();
      expect(problem!.message).toMatch(/; allowed: ./);
      // Nothing of a bad value is echoed past 60 characters (and the … that says so).
      for (const p of problems) expect(p.message).not.toMatch(/"[^"]{62,}"/);
    }
    expect(emu.requestLog.total).toBe(before.log);
    expect(requestsSeenByClient).toBe(before.client);
  });
});
