/*
 * Hand-written console displays for the port-sharing and distributed-service checks, a
 * three-system topology to judge them against, and a fake client that answers each
 * system's displays from a table and logs every call it gets.
 */
import type { Check, CheckModule, VerifyClient } from "../../../src/verify";
import { verifyTopology } from "../../../src/verify";
import { parseTopology, type Topology } from "../../../src/topology";

export const XCF = { SYSA: "198.51.100.1", SYSB: "198.51.100.2", SYSC: "198.51.100.3" } as const;
export type Sys = keyof typeof XCF;

let seq = 500;
const header = () => ` EZD0101I NETSTAT CS V2R5 TCPIP ${seq++}`;
const counted = (n: number) => [`  ${n} OF ${n} RECORDS DISPLAYED`, "  END OF THE REPORT"];

// ---------------------------------------------------------------------------
// Topology

const BASE = `
version: 1
sysplex: PLEX2
systems:
  - { name: SYSA, hostname: sysa.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: ${XCF.SYSA}, mask: 255.255.255.0 } } }
  - { name: SYSB, hostname: sysb.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: ${XCF.SYSB}, mask: 255.255.255.0 } } }
  - { name: SYSC, hostname: sysc.example.com, tcpip: { proc: TCPIP, dynamicXcf: { address: ${XCF.SYSC}, mask: 255.255.255.0 } } }
datasets: { parmlib: SYS1.PARMLIB, proclib: SYS1.PROCLIB, obey: TCPIP.HA.OBEY, volume: ZOSVOL }
`;

/** Two z/OS Connect servers sharing 9443 on SYSA; outgoing requests on 9444 unless told otherwise. */
export function portSharingTopology(opts: { outboundPort?: number | null } = {}): Topology {
  const outbound = opts.outboundPort === null ? "" : `\n    outboundPort: ${opts.outboundPort ?? 9444}`;
  return parseTopology(`${BASE}
portSharing:
  - name: zosconnect-api
    system: SYSA
    port: 9443
    jobPrefix: ZCHA*
    mode: SHAREPORTWLM
    servers: [ZCHA1, ZCHA2]${outbound}
`);
}

/** z/OS Connect on 5595 (SERVERWLM, OPTLOCAL 1) and IMS Connect on 5801 (WEIGHTEDACTIVE 2:1:1), distributed by SYSA. */
export function servicesTopology(): Topology {
  return parseTopology(`${BASE}
distributedServices:
  - name: zosconnect
    dvipa: 192.0.2.1
    dvipaMask: 255.255.255.0
    ports: [5595]
    distributor: SYSA
    distributorBackup: SYSB
    distMethod: SERVERWLM
    optLocal: 1
    targets: [{ system: SYSA, server: ZCON1 }, { system: SYSB, server: ZCON2 }, { system: SYSC, server: ZCON3 }]
  - name: imsconnect
    dvipa: 192.0.2.2
    dvipaMask: 255.255.255.0
    ports: [5801]
    distributor: SYSA
    distributorBackup: SYSB
    distMethod: WEIGHTEDACTIVE
    targets: [{ system: SYSA, server: IMSCON1, weight: 2 }, { system: SYSB, server: IMSCON2, weight: 1 }, { system: SYSC, server: IMSCON3, weight: 1 }]
`);
}

// ---------------------------------------------------------------------------
// Port sharing displays

export interface Reservation {
  port: number;
  user: string;
  flags: string;
  bind?: string;
}

/** `D TCPIP,TCPIP,NETSTAT,PORTLIST,PORT=n`. */
export function portlist(rows: readonly Reservation[]): string {
  return [
    header(),
    "  PORT# PROT USER     FLAGS    RANGE       IP ADDRESS       SAF NAME",
    "  ----- ---- ----     -----    -----       ----------       --------",
    ...rows.map((r) =>
      `  ${String(r.port).padStart(5, "0")} TCP  ${r.user.padEnd(8)} ${r.flags.padEnd(8)} ${" ".repeat(11)} ${r.bind ?? ""}`.trimEnd(),
    ),
    ...counted(rows.length),
  ].join("\r");
}

export interface Connection {
  user: string;
  port: number;
  state?: "LISTEN" | "ESTBLSH";
}

/** `D TCPIP,TCPIP,NETSTAT,CONN,PORT=n`: listeners on the wildcard address, clients from 192.0.2.200. */
export function conn(rows: readonly Connection[]): string {
  let id = 0x4a;
  const lines = [header(), "  USER ID  CONN     STATE"];
  for (const r of rows) {
    const state = r.state ?? "LISTEN";
    const listening = state === "LISTEN";
    lines.push(
      `  ${r.user.padEnd(8)} ${(id++).toString(16).toUpperCase().padStart(8, "0")} ${state}`,
      `    LOCAL SOCKET:   ${listening ? "0.0.0.0" : "192.0.2.1"}..${r.port}`,
      `    FOREIGN SOCKET: ${listening ? "0.0.0.0..0" : `192.0.2.200..${50100 + id}`}`,
    );
  }
  lines.push(...counted(rows.length));
  return lines.join("\r");
}

// ---------------------------------------------------------------------------
// Distributor displays

export interface Distribute {
  dvipa: string;
  port: number;
  system: Sys;
  method: string;
  optLoc: string;
  weight?: number;
}

/** `D TCPIP,TCPIP,NETSTAT,VIPADCFG,DETAIL` of a distributing stack. */
export function vipadcfgDetail(defines: readonly string[], distributes: readonly Distribute[]): string {
  const lines = [header(), "  DYNAMIC VIPA INFORMATION:", "    VIPA DEFINE:"];
  for (const d of defines) lines.push(`      IPADDR/PREFIXLEN: ${d}/24`, "        MOVEABLE: IMMEDIATE  SRVMGR: NO");
  if (distributes.length > 0) lines.push("    VIPA DISTRIBUTE:");
  for (const d of distributes) {
    lines.push(
      `      DEST:         ${d.dvipa}..${d.port}`,
      `        DESTXCF:    ${XCF[d.system]}`,
      `        DISTMETHOD: ${d.method}`,
      "        SYSPT: NO   TIMAFF: NO   FLG:",
      `        OPTLOC: ${d.optLoc}${d.weight !== undefined ? `   WEIGHT: ${String(d.weight).padStart(2, "0")}` : ""}`,
      "        PROCTYPE: CP 01  ZAAP 00  ZIIP 00",
    );
  }
  lines.push("  END OF THE REPORT");
  return lines.join("\r");
}

export interface Destination {
  dvipa: string;
  port: number;
  system: Sys;
  method: string;
  rdy: number;
  wlm?: string;
}

/** `D TCPIP,TCPIP,NETSTAT,VDPT`. */
export function vdpt(rows: readonly Destination[]): string {
  const lines = [header(), "  DYNAMIC VIPA DESTINATION PORT TABLE FOR TCP/IP STACKS:"];
  for (const r of rows) {
    lines.push(
      `  DEST:         ${r.dvipa}..${r.port}`,
      `    DESTXCF:    ${XCF[r.system]}`,
      `    TOTALCONN:  0000000042  RDY: ${String(r.rdy).padStart(3, "0")}  WLM: ${r.wlm ?? "08S"}  TSR: ${r.rdy > 0 ? 100 : 0}`,
      `    DISTMETHOD: ${r.method}`,
      "    FLG:",
    );
  }
  lines.push(...counted(rows.length));
  return lines.join("\r");
}

export interface Dvipa {
  address: string;
  status: "ACTIVE" | "BACKUP";
  origin: string;
  distStat: string;
}

/** `D TCPIP,TCPIP,NETSTAT,VIPADYN`. */
export function vipadyn(rows: readonly Dvipa[]): string {
  const lines = [header(), "  DYNAMIC VIPA:"];
  for (const r of rows) {
    lines.push(
      `    IP ADDRESS/PREFIXLEN: ${r.address}/24`,
      `      STATUS: ${r.status.padEnd(10)} ORIGIN: ${r.origin.padEnd(14)} DISTSTAT: ${r.distStat}`,
      `      ACTTIME:   ${r.status === "ACTIVE" ? "03/14/2025 08:15:02" : "N/A"}`,
    );
  }
  lines.push(...counted(rows.length));
  return lines.join("\r");
}

// ---------------------------------------------------------------------------
// Fake client

/** Per system, the answer to each display, keyed by the words after NETSTAT (`PORTLIST,PORT=9443`). */
export type Displays = Partial<Record<Sys, Record<string, string>>>;

export interface Call {
  op: string;
  arg: string;
  system?: string;
}

/** A client with console displays only; any file or info call is logged and refused. */
export function displayClient(displays: Displays, calls: Call[]): VerifyClient {
  const refuse = (op: string) => async (arg?: unknown) => {
    calls.push({ op, arg: String(arg) });
    throw new Error(`the fake does not serve ${op}`);
  };
  return {
    info: refuse("info"),
    files: {
      read: refuse("read"),
      listMounts: refuse("listMounts"),
      listDatasets: refuse("listDatasets"),
      readUss: refuse("readUss"),
    } as unknown as VerifyClient["files"],
    console: {
      async issue(cmd: string, options: { system?: string } = {}) {
        const system = (options.system ?? "SYSA") as Sys;
        calls.push({ op: "issue", arg: cmd, system });
        const words = /NETSTAT,(.*)$/.exec(cmd)?.[1] ?? "";
        const text = displays[system]?.[words] ?? " IEE305I D        COMMAND INVALID";
        return { key: "K1", text, lines: text.split("\r"), solKeyDetected: false, complete: true, followUps: 0 };
      },
    } as unknown as VerifyClient["console"],
  };
}

export async function judge(
  topology: Topology,
  displays: Displays,
  modules: readonly CheckModule[],
): Promise<{ checks: Check[]; calls: Call[] }> {
  const calls: Call[] = [];
  const result = await verifyTopology({ topology, modules, systemTimeoutMs: 5_000, clientFor: async () => displayClient(displays, calls) });
  return { checks: [...result.checks], calls };
}

export function checkOf(checks: readonly Check[], id: string, system?: string): Check {
  const c = checks.find((x) => x.id === id && x.system === system);
  if (c === undefined) throw new Error(`no check ${id} for ${system}; have ${checks.map((x) => `${x.id}@${x.system}`).join(", ")}`);
  return c;
}
