import type { PortlistEntry } from "../parsers";
import { sharingOf } from "../tcpip/in-force";
import { found, todo, type DraftNode } from "./found";
import type { PlexFacts, SystemFacts } from "./facts";
import { maskOf, type Distribution } from "./distributions";

/*
 * distributedServices and portSharing as the stacks have them: every other distributed DVIPA,
 * and every PORT reservation that shares a port (SHAREPORT, SHAREPORTWLM in PORTLIST).
 */

export const globRe = (prefix: string) => new RegExp(`^${prefix.replace(/[*]/g, ".*").replace(/[?]/g, ".")}$`);

/** Job names a person can recognise as placeholders that still match the prefix (ZWE?AG → ZWE1AG, ZCHA* → ZCHA1). */
export function namesFor(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1);
    const name = prefix.includes("?") ? prefix.replace("?", n).replace(/[?]/g, "0").replace(/[*]/g, "") : prefix.replace(/[*]/g, "") + n;
    return name.slice(0, 8);
  });
}

export function serverOn(p: PlexFacts, system: string | null, port: number | undefined): DraftNode {
  const s = p.systems.find((x) => x.name === system);
  const reserved = s?.stack?.ports?.filter((e) => e.port === port) ?? [];
  const named = reserved.find((e) => !/[*?]/.test(e.user));
  if (named) return found(named.user, `PORTLIST on ${system}: the job that reserves port ${port}`);
  const listening = s?.stack?.listeners.filter((l) => l.port === port) ?? [];
  if (listening.length === 1) return found(listening[0]!.user, `NETSTAT CONN on ${system}: the job listening on port ${port}`);
  const prefix = reserved[0]?.user;
  const running = prefix === undefined ? undefined : (s?.tasks ?? []).find((t) => globRe(prefix).test(t));
  if (running) return found(running, `D A,L on ${system}: a job matching ${prefix}, which PORTLIST reserves port ${port} for`);
  const what = `the job name of the server listening on port ${port ?? "?"} on ${system ?? "?"} (D A,L)`;
  return todo(
    prefix === undefined ? "SERVER" : namesFor(prefix, 1)[0],
    prefix === undefined ? what : `${what}; PORTLIST reserves it for ${prefix}`,
  );
}

export function distributedServicesDraft(p: PlexFacts, ds: readonly Distribution[]): DraftNode[] {
  return ds.map((d) => {
    const first = d.entries[0]!;
    const mask = maskOf(d.prefixLen);
    return {
      name: found(`svc-${d.dvipa.replaceAll(".", "-")}`, "named after its DVIPA; rename it freely"),
      dvipa: found(d.dvipa, d.from),
      dvipaMask: mask ? found(mask, d.from) : todo("255.255.255.0", `VIPADCFG showed no prefix length for ${d.dvipa}`),
      ports: found(d.ports, d.from),
      distributor: found(d.distributor, d.from),
      ...(d.distributorBackup
        ? { distributorBackup: found(d.distributorBackup.system, `VIPABACKUP on ${d.distributorBackup.system}`) }
        : {}),
      distMethod: first.distMethod
        ? found(first.distMethod, d.from)
        : todo("BASEWLM", `VIPADCFG printed DISTMETHOD ${first.distMethodRaw ?? "(none)"}`),
      ...(typeof first.optLoc === "number" ? { optLocal: found(first.optLoc, "OPTLOCAL in VIPADCFG,DETAIL") } : {}),
      targets: d.targets.map((t) => ({
        system: t.system
          ? found(t.system, `DESTXCF ${t.xcf}`)
          : todo(p.systems[0]!.name, `no discovered stack has the XCF address ${t.xcf}`),
        server: serverOn(p, t.system, d.ports[0]),
        ...(t.entry.weight !== null && first.distMethod === "WEIGHTEDACTIVE"
          ? { weight: found(t.entry.weight, "WEIGHT in VIPADCFG,DETAIL") }
          : {}),
        ...(first.distMethod === "HOTSTANDBY" && t.entry.srvType ? { role: found(t.entry.srvType, "SRVTYPE in VIPADCFG") } : {}),
        ...(first.distMethod === "HOTSTANDBY" && t.entry.rank !== null ? { rank: found(t.entry.rank, "its rank in VIPADCFG") } : {}),
      })),
    };
  });
}

function sharedBy(s: SystemFacts): Map<string, PortlistEntry[]> {
  const byUser = new Map<string, PortlistEntry[]>();
  for (const e of s.stack?.ports ?? []) {
    if (e.port === null || sharingOf(e) === null) continue;
    byUser.set(`${e.user} ${e.protocol}`, [...(byUser.get(`${e.user} ${e.protocol}`) ?? []), e]);
  }
  return byUser;
}

/** One entry per shared reservation; a second SHAREPORT port of the same job prefix is its outbound port. */
export function portSharingDraft(p: PlexFacts, skip: (system: string, port: number) => boolean): DraftNode[] {
  const out: DraftNode[] = [];
  for (const s of p.systems) {
    const from = `PORTLIST on ${s.name}`;
    for (const entries of sharedBy(s).values()) {
      const sorted = [...entries].sort((a, b) => Number(b.flagSet.shareportWlm) - Number(a.flagSet.shareportWlm) || a.port! - b.port!);
      const [main, outbound] = sorted;
      if (skip(s.name, main!.port!)) continue;
      const servers = (s.tasks ?? []).filter((t) => globRe(main!.user).test(t));
      out.push({
        name: found(`share-${s.name.toLowerCase()}-${main!.port}`, "named after its system and port; rename it freely"),
        system: found(s.name, from),
        port: found(main!.port, from),
        protocol: found(main!.protocol, from),
        jobPrefix: found(main!.user, from),
        mode: found(sharingOf(main!), `the ${main!.flags} flags in ${from}`),
        ...(main!.bindAddress ? { bind: found(main!.bindAddress, from) } : {}),
        servers:
          servers.length >= 2
            ? found(servers, `D A,L on ${s.name}: the jobs matching ${main!.user}`)
            : todo(namesFor(main!.user, 2), `the servers sharing port ${main!.port} (D A,L on ${s.name} showed ${servers.length})`),
        ...(outbound && sharingOf(outbound) === "SHAREPORT"
          ? { outboundPort: found(outbound.port, `${from}: the job prefix's other shared port`) }
          : {}),
      });
    }
  }
  return out;
}
