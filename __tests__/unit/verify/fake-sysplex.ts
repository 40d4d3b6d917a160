/*
 * A hand-made sysplex for the verify unit tests: console-form NETSTAT texts written
 * here (not produced by the emulator), PARMLIB members, mounts and zowe.yaml, served by
 * a fake client that logs every call it gets.
 */
import { ZosmfError } from "../../../src/zosmf";
import type { VerifyClient } from "../../../src/verify";

export const DVIPA = "192.0.2.10";
export const XCF = { SYSA: "198.51.100.1", SYSB: "198.51.100.2" } as const;
type Sys = keyof typeof XCF;

let seq = 100;
const header = () => `EZD0101I NETSTAT CS V2R5 TCPIP ${seq++}`;

export interface Target {
  system: Sys;
  role: "PREFERRED" | "BACKUP";
  rdy: number;
  active?: boolean;
}

export function vipadcfg(opts: { define?: boolean; backup?: boolean; distribute?: { autoSwitchBack: boolean; method?: string } }): string {
  const lines = [header(), "DYNAMIC VIPA INFORMATION:"];
  if (opts.backup) lines.push("  VIPA BACKUP:", `    IPADDR/PREFIXLEN: ${DVIPA}`, "      RANK: 000001  MOVEABLE:            SRVMGR:");
  if (opts.define) lines.push("  VIPA DEFINE:", `    IPADDR/PREFIXLEN: ${DVIPA}/24`, "      MOVEABLE: IMMEDIATE  SRVMGR: NO");
  if (opts.distribute) {
    lines.push("  VIPA DISTRIBUTE:");
    for (const [sys, type] of [
      ["SYSA", "PREFERRED"],
      ["SYSB", "BACKUP  RANK: 001"],
    ] as const) {
      lines.push(
        `    DEST:         ${DVIPA}..443`,
        `      DESTXCF:    ${XCF[sys]}`,
        `      DISTMETHOD: ${opts.distribute.method ?? "HOTSTANDBY"}  SRVTYPE: ${type}`,
        `      AUTOSWITCHBACK: ${opts.distribute.autoSwitchBack ? "YES" : "NO"}   HEALTHSWITCH: NO`,
        "      SYSPT: NO   TIMAFF: NO   FLG:",
      );
    }
  }
  lines.push("END OF THE REPORT");
  return lines.join("\r");
}

export function vipadyn(entry?: { status: "ACTIVE" | "BACKUP"; origin: string; distStat: string }): string {
  const lines = [header(), "DYNAMIC VIPA:"];
  if (entry) {
    lines.push(
      `  IP ADDRESS/PREFIXLEN: ${DVIPA}/24`,
      `    STATUS: ${entry.status}   ORIGIN: ${entry.origin}   DISTSTAT: ${entry.distStat}`,
      "    ACTTIME: 01/15/2025 10:00:00",
    );
  }
  const n = entry ? 1 : 0;
  lines.push(`${n} OF ${n} RECORDS DISPLAYED`, "END OF THE REPORT");
  return lines.join("\r");
}

export function vdpt(targets: readonly Target[]): string {
  const lines = [header(), "DYNAMIC VIPA DESTINATION PORT TABLE FOR TCP/IP STACKS:"];
  for (const t of targets) {
    lines.push(
      `DEST:         ${DVIPA}..443`,
      `  DESTXCF:    ${XCF[t.system]}`,
      `  TOTALCONN:  0000000007  RDY: ${String(t.rdy).padStart(3, "0")}  WLM: 10  TSR: 100`,
      `  DISTMETHOD: HOTSTANDBY  SRVTYPE: ${t.role}`,
      `  FLG: ${t.active ? "ACTIVE" : "BACKUP"}`,
    );
  }
  lines.push(`${targets.length} OF ${targets.length} RECORDS DISPLAYED`, "END OF THE REPORT");
  return lines.join("\r");
}

export function izuprm(v: { group: string; proc: string; dir: string; hostname?: string; port?: number; keyring?: string }): string {
  return [
    "/* z/OSMF server settings for hot standby                        */",
    `HOSTNAME('${v.hostname ?? DVIPA}')`,
    `HTTP_SSL_PORT(${v.port ?? 443})`,
    `AUTOSTART_GROUP('${v.group}') AUTOSTART(LOCAL)`,
    `SERVER_PROC(${v.proc})`,
    "ANGEL_PROC(IZUANG1)",
    "SAF_PREFIX('IZUDFLT')",
    `KEYRING_NAME('${v.keyring ?? "IZUKeyring.IZUDFLT"}')`,
    `USER_DIR('${v.dir}')`,
    "SEC_GROUPS USER(IZUUSER),ADMIN(IZUADMIN),SECADMIN(IZUSECAD)",
  ].join("\n");
}

export const ZOWE_YAML = [
  "zowe:",
  "  setup: {}",
  "  environments:",
  "    CACHING_STORAGE_INFINISPAN_INITIALHOSTS: sysa.example.com[7600],sysb.example.com[7600]",
  "    JGROUPS_BIND_PORT: 7600",
  "components:",
  "  caching-service:",
  "    enabled: true",
  "    storage:",
  "      mode: infinispan",
  "      evictionStrategy: reject",
  "      infinispan:",
  "        initialHosts: sysa.example.com[7600],sysb.example.com[7600]",
  "        jgroups:",
  "          port: 7600",
  "          keyExchange:",
  "            port: 7601",
  "haInstances:",
  ...["a", "b"].flatMap((l) => [
    `  sys${l}:`,
    `    hostname: sys${l}.example.com`,
    `    sysname: SYS${l.toUpperCase()}`,
    "    components:",
    "      caching-service:",
    "        enabled: true",
    `        storage: { infinispan: { jgroups: { host: sys${l}.example.com } } }`,
  ]),
].join("\n");

/**
 * What a system reads at IPL, as the example's tcpip.profile and ipl fields name it, with the
 * hot standby written in: the profile INCLUDEs the obey member, BPXPRMxx mounts USER_DIR,
 * IEASYSxx names IZUPRMxx (whose AUTOSTART(LOCAL) starts the server).
 */
export function iplMembers(sys: Sys): Record<string, string> {
  const cc = sys.slice(-2);
  const l = sys.slice(-1);
  return {
    [`HA${sys}`]: `VIPADYNAMIC\n  VIPABACKUP 1 ${DVIPA}\nENDVIPADYNAMIC`,
    [`PROF${cc}`]: `; TCP/IP profile of ${sys}\nTCPCONFIG RESTRICTLOWPORTS\nINCLUDE TCPIP.HA.OBEY(HA${sys})\nSTART OSA1`,
    [`BPXPRM${cc}`]: [
      `/* ${sys} only */`,
      `MOUNT FILESYSTEM('IZU.SIZUUSRD.ZOSMF${l}')`,
      `      MOUNTPOINT('/global/zosmf/zosmf${l.toLowerCase()}')`,
      `      TYPE(ZFS) MODE(RDWR) UNMOUNT SYSNAME(${sys})`,
    ].join("\n"),
    [`IEASYS${cc}`]: `IZU=0${l},\nOMVS=(00,${cc}),\nSYSNAME=${sys}`,
  };
}

export type StackState = { vipadcfg: string; vdpt: string; vipadyn: string } | "down" | "silent" | "unreachable";

export interface FakeSysplex {
  members: Record<string, string>;
  mounts: Record<string, { name: string; sysname: string }>;
  zoweYaml: string;
  stacks: Record<Sys, StackState>;
  /** The XCF display ran out of follow-ups after listing only SYSA. */
  xcfCutShort?: boolean;
  /** The systems $D MEMBER shows as active members of the MAS; every system when unset. */
  masMembers?: string[];
}

/** Hot standby in force: SYSA distributes and serves, SYSB is the ready standby. */
export function healthySysplex(): FakeSysplex {
  return {
    members: {
      IZUPRM0A: izuprm({ group: "IZUDFLA", proc: "IZUSVRA", dir: "/global/zosmf/zosmfa" }),
      IZUPRM0B: izuprm({ group: "IZUDFLB", proc: "IZUSVRB", dir: "/global/zosmf/zosmfb" }),
      ...iplMembers("SYSA"),
      ...iplMembers("SYSB"),
    },
    mounts: {
      "/global/zosmf/zosmfa": { name: "IZU.SIZUUSRD.ZOSMFA", sysname: "SYSA" },
      "/global/zosmf/zosmfb": { name: "IZU.SIZUUSRD.ZOSMFB", sysname: "SYSB" },
    },
    zoweYaml: ZOWE_YAML,
    stacks: {
      SYSA: {
        vipadcfg: vipadcfg({ define: true, distribute: { autoSwitchBack: true } }),
        vdpt: vdpt([
          { system: "SYSA", role: "PREFERRED", rdy: 1, active: true },
          { system: "SYSB", role: "BACKUP", rdy: 1 },
        ]),
        vipadyn: vipadyn({ status: "ACTIVE", origin: "VIPADEFINE", distStat: "DIST/DEST" }),
      },
      SYSB: {
        vipadcfg: vipadcfg({ backup: true }),
        vdpt: vdpt([]),
        vipadyn: vipadyn({ status: "BACKUP", origin: "VIPABACKUP", distStat: "DEST" }),
      },
    },
  };
}

export interface Call {
  op: string;
  arg: string;
  system?: string;
}

function rejected(system: string): ZosmfError {
  return new ZosmfError({
    kind: "rejected",
    method: "PUT",
    path: "/zosmf/restconsoles/consoles/defcn",
    summary: `the command was not routed to ${system}: IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME`,
  });
}

function xcfDisplay(up: string[]): string {
  return [
    " IXC336I  12.00.00  DISPLAY XCF 101",
    "  SYSPLEX PLEX1",
    "  SYSTEM   TYPE SERIAL LPAR STATUS TIME          SYSTEM STATUS",
    ...up.map((name, i) => `  ${name.padEnd(8)} 3906 1234   0${i + 1}   12/03/2026 12:00:00   ACTIVE`),
  ].join("\r");
}

/** A client that answers from `plex` and records every call; it has no write methods at all. */
export function fakeClient(plex: FakeSysplex, calls: Call[]): VerifyClient & { close(): void } {
  return {
    async info() {
      calls.push({ op: "info", arg: "/zosmf/info" });
      return { zosmf_hostname: "plex1.example.com", zosmf_port: "443", zosmf_version: "29", zosmf_full_version: "29.0" };
    },
    files: {
      async read(dsn: string, member?: string) {
        calls.push({ op: "read", arg: `${dsn}(${member})` });
        const text = member ? plex.members[member] : undefined;
        if (text === undefined)
          throw new ZosmfError({
            kind: "not-found",
            method: "GET",
            path: `/zosmf/restfiles/ds/${dsn}(${member})`,
            status: 404,
            summary: "member not found",
          });
        return { text };
      },
      async listMounts(options: { path?: string; fsname?: string } = {}) {
        calls.push({ op: "listMounts", arg: options.path ?? "" });
        const item = (at: string, m: { name: string; sysname: string }) => ({
          name: m.name,
          mountpoint: at,
          sysname: m.sysname,
          fstname: "ZFS",
          mode: ["rdwr"],
        });
        // No filter: the whole mount table, as GET /zosmf/restfiles/mfs answers it.
        if (!options.path && !options.fsname) return Object.entries(plex.mounts).flatMap(([at, m]) => (m ? [item(at, m)] : []));
        const m = options.path ? plex.mounts[options.path] : undefined;
        return m ? [item(options.path!, m)] : [];
      },
      async listDatasets(level: string) {
        calls.push({ op: "listDatasets", arg: level });
        return [];
      },
      async readUss(path: string) {
        calls.push({ op: "readUss", arg: path });
        return { text: plex.zoweYaml };
      },
    } as unknown as VerifyClient["files"],
    console: {
      async issue(cmd: string, options: { system?: string; signal?: AbortSignal } = {}) {
        // A command without a system runs where the command's own z/OSMF runs: a live system.
        const live = (Object.keys(plex.stacks) as Sys[]).find((n) => plex.stacks[n] !== "down") ?? "SYSA";
        const system = (options.system ?? live) as Sys;
        calls.push({ op: "issue", arg: cmd, system });
        // The command's own connection answers from a live system; XCF lists the systems that are up.
        if (cmd === "D XCF,S,ALL" && options.system === undefined) {
          const up = Object.keys(plex.stacks).filter((s) => plex.stacks[s as Sys] !== "down");
          const text = xcfDisplay(plex.xcfCutShort ? up.slice(0, 1) : up);
          return { key: "K0", text, lines: text.split("\r"), solKeyDetected: false, complete: !plex.xcfCutShort, followUps: 0 };
        }
        const routed = /^RO \*ALL,(.*)$/.exec(cmd);
        if (routed) return routeAll(plex, routed[1]!, (inner, sys) => this.issue(inner, { system: sys }));
        const stack = plex.stacks[system];
        if (stack === "down") throw rejected(system);
        if (stack === "unreachable")
          throw new ZosmfError({ kind: "unreachable", method: "PUT", path: "/zosmf/restconsoles/consoles/defcn", code: "ECONNREFUSED" });
        if (stack === "silent") {
          return new Promise((_resolve, reject) => options.signal?.addEventListener("abort", () => reject(new Error("aborted"))));
        }
        const report = /NETSTAT,(\w+)/.exec(cmd)?.[1]?.toLowerCase() as "vipadcfg" | "vdpt" | "vipadyn";
        const text = SHARED_SYSPLEX[cmd]?.(plex.masMembers ?? Object.keys(plex.stacks)) ?? stack[report] ?? "IEE305I D COMMAND INVALID";
        return { key: "K1", text, lines: text.split("\r"), solKeyDetected: false, complete: true, followUps: 0 };
      },
    } as unknown as VerifyClient["console"],
    close() {},
  };
}

/** The sysplex prerequisites' displays as a healthy sysplex answers them: one RACF database, one MAS, SYSPLEX(YES). */
const SHARED_SYSPLEX: Record<string, (systems: string[]) => string> = {
  "D T": () => " IEE136I LOCAL: TIME=12.00.01 DATE=2025.001  UTC: TIME=12.00.01 DATE=2025.001",
  "RVARY LIST": () =>
    " ICH15013I RACF DATABASE STATUS:\r    YES  PRIM   1 RACF01   SYS1.RACF.PRIMARY\r ICH15020I RVARY COMMAND HAS FINISHED PROCESSING.",
  "D OMVS,O": () => " BPXO043I 12.00.01 DISPLAY OMVS 1\r  SYSPLEX         =        YES",
  "$D MEMBER": (systems) => systems.map((s, i) => ` $HASP673 MEMBER(${i + 1}) NAME=${s},STATUS=ACTIVE,SYSNAME=${s}`).join("\r"),
};

/**
 * `RO *ALL` as z/OS answers it (IEE421I): every active system's lines under its name, sorted by
 * name; a system that is down is not a member and is not listed; one that does not answer in
 * time is named under NO RESPONSE RECEIVED.
 */
async function routeAll(
  plex: FakeSysplex,
  inner: string,
  ask: (inner: string, system: Sys) => Promise<{ text: string }>,
): Promise<{ key: string; text: string; lines: string[]; solKeyDetected: boolean; complete: boolean; followUps: number }> {
  const names = (Object.keys(plex.stacks) as Sys[]).sort();
  const silent = names.filter((n) => plex.stacks[n] === "silent" || plex.stacks[n] === "unreachable");
  const lines = [` IEE421I RO *ALL,${inner.slice(0, 16)}`];
  if (silent.length > 0) lines.push("  NO RESPONSE RECEIVED FROM THE FOLLOWING SYSTEM(S):", `  ${silent.join(" ")}`);
  for (const n of names.filter((x) => plex.stacks[x] !== "down" && !silent.includes(x))) {
    const one = await ask(inner, n);
    lines.push(`  ${n.padEnd(8)} RESPONSES -------------------------`, ...one.text.split("\r").map((l) => `  ${l.trim()}`));
  }
  return { key: "K2", text: lines.join("\r"), lines, solKeyDetected: false, complete: true, followUps: 0 };
}
