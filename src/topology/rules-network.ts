import { IPV4_PATTERN, ipv4Number } from "./formats";
import { gatewayJobPrefix } from "./gateway";
import { pathString, type PathSegment } from "./problems";
import { list, num, str, up, type RuleContext } from "./rule-context";

/* Addresses against their masks, and ports across sections. */

/**
 * An interface address with its subnet mask names one host of that subnet: the host
 * part may be neither all zeros (the subnet itself) nor all ones (its broadcast).
 * Masks of 31 and 32 bits have no such addresses (RFC 3021 point-to-point, one host).
 */
export function checkSubnetAddresses(ctx: RuleContext): void {
  const pairs: { at: PathSegment[]; address: unknown; mask: unknown }[] = [];
  list(ctx.t.systems).forEach((s, i) => {
    const xcf = s?.tcpip?.dynamicXcf;
    pairs.push({ at: ["systems", i, "tcpip", "dynamicXcf", "address"], address: xcf?.address, mask: xcf?.mask });
  });
  if (ctx.t.zosmfHa) pairs.push({ at: ["zosmfHa", "dvipa"], address: ctx.t.zosmfHa.dvipa, mask: ctx.t.zosmfHa.dvipaMask });
  list(ctx.t.distributedServices).forEach((d, i) =>
    pairs.push({ at: ["distributedServices", i, "dvipa"], address: d?.dvipa, mask: d?.dvipaMask }),
  );
  if (ctx.t.gateway) pairs.push({ at: ["gateway", "dvipa"], address: ctx.t.gateway.dvipa, mask: ctx.t.gateway.dvipaMask });
  for (const { at, address, mask } of pairs) {
    if (typeof address !== "string" || typeof mask !== "string" || !IPV4_PATTERN.test(address) || !IPV4_PATTERN.test(mask)) continue;
    const m = ipv4Number(mask);
    const hostBits = (2 ** 32 - 1 - m) >>> 0;
    if (hostBits <= 1) continue;
    const host = (ipv4Number(address) & hostBits) >>> 0;
    const what = host === 0 ? "the subnet address" : host === hostBits ? "the subnet broadcast address" : undefined;
    if (what === undefined) continue;
    ctx.report(at, `is ${what} under mask ${mask}`, `an address whose host part under mask ${mask} is neither all zeros nor all ones`);
  }
}

/** One listener the topology puts on a system's stack. */
interface Claim {
  system: string;
  protocol: string;
  port: number;
  path: PathSegment[];
  /** Claims of one section entry are compared by that section's own rules. */
  owner: string;
  /** The job name listening, when the topology says it. */
  server?: string;
  /** A portSharing reservation: servers matching it may listen on the port together. */
  share?: RegExp;
}

/** `ZCHA*` → a test for the job names the PORT statement will let in. */
export function jobPrefixTest(prefix: string): RegExp {
  const body = [...prefix].map((c) => (c === "*" ? "[A-Z0-9@#$]*" : c === "?" ? "[A-Z0-9@#$]" : c.replace(/[$]/g, "\\$"))).join("");
  return new RegExp(`^${body}$`);
}

/**
 * Where the topology makes something listen:
 * - zosmfHa.port: each z/OSMF server of the hot-standby set, on its own system, TCP.
 * - cachingService infinispan ports: each Caching Service instance, on its system, TCP.
 * - portSharing port and outboundPort: the servers of that entry, on its system.
 * - distributedServices ports: each target's server, on the target system, TCP
 *   (the distributor forwards TCP connections).
 * A TCP/IP stack lets one listener have a port unless the port is shared (PORT ...
 * SHAREPORT): two claims meet only when they name the same server, or one is a
 * portSharing reservation and the other's server matches its job prefix. The stack
 * applies a PORT reservation to every address unless BIND is coded, and a DVIPA
 * lands on the same stack as the system's own addresses, so claims compare per
 * system whatever the address.
 */
function claims(ctx: RuleContext): Claim[] {
  const out: Claim[] = [];
  const systems = list(ctx.t.systems);
  const serverOf = (system: string) => up(systems[ctx.known.get(system) ?? -1]?.zosmf?.serverProc);

  const ha = ctx.t.zosmfHa;
  if (typeof ha === "object" && ha !== null) {
    const port = ha.port === undefined ? 443 : num(ha.port);
    const members = [up(ha.preferred), ...list(ha.backups).map((b) => up(b?.system))];
    for (const system of new Set(members)) {
      if (system === undefined || !ctx.known.has(system) || port === undefined) continue;
      out.push({ system, protocol: "TCP", port, path: ["zosmfHa", "port"], owner: "zosmfHa", server: serverOf(system) });
    }
  }

  const cs = ctx.t.cachingService;
  const infinispan = cs?.storage?.mode === "infinispan" ? cs.storage.infinispan : undefined;
  if (typeof infinispan === "object" && infinispan !== null) {
    const at = ["cachingService", "storage", "infinispan"];
    const ports: [string, number | undefined][] = [
      ["jgroupsPort", infinispan.jgroupsPort === undefined ? 7600 : num(infinispan.jgroupsPort)],
      ["keyExchangePort", infinispan.keyExchangePort === undefined ? 7601 : num(infinispan.keyExchangePort)],
    ];
    for (const system of new Set(list(cs?.instances).map(up))) {
      if (system === undefined || !ctx.known.has(system)) continue;
      for (const [field, port] of ports) {
        if (port !== undefined) out.push({ system, protocol: "TCP", port, path: [...at, field], owner: "cachingService" });
      }
    }
  }

  list(ctx.t.portSharing).forEach((entry, i) => {
    const system = up(entry?.system);
    const prefix = up(entry?.jobPrefix);
    if (system === undefined || !ctx.known.has(system) || prefix === undefined || !/^[A-Z0-9@#$*?]{1,8}$/.test(prefix)) return;
    const protocol = str(entry?.protocol) ?? "TCP";
    const share = jobPrefixTest(prefix);
    for (const field of ["port", "outboundPort"] as const) {
      const port = num(entry?.[field]);
      if (port !== undefined) out.push({ system, protocol, port, path: ["portSharing", i, field], owner: `portSharing[${i}]`, share });
    }
  });

  list(ctx.t.distributedServices).forEach((service, i) => {
    list(service?.targets).forEach((target) => {
      const system = up(target?.system);
      if (system === undefined || !ctx.known.has(system)) return;
      list(service?.ports).forEach((p, j) => {
        const port = num(p);
        if (port !== undefined) {
          out.push({
            system,
            protocol: "TCP",
            port,
            path: ["distributedServices", i, "ports", j],
            owner: `distributedServices[${i}]`,
            server: up(target?.server),
          });
        }
      });
    });
  });
  return [...out, ...gatewayClaims(ctx)];
}

/** Each gateway job listens on the gateway port of its system; several on one system share it (PORT ... SHAREPORT). */
function gatewayClaims(ctx: RuleContext): Claim[] {
  const gw = ctx.t.gateway;
  if (typeof gw !== "object" || gw === null) return [];
  const port = gw.port === undefined ? 7554 : num(gw.port);
  if (port === undefined) return [];
  const jobs = new Map<string, string[]>();
  for (const g of list(gw.systems)) {
    const system = up(g?.system);
    const job = up(g?.jobname);
    if (system !== undefined && ctx.known.has(system) && job !== undefined) jobs.set(system, [...(jobs.get(system) ?? []), job]);
  }
  return [...jobs].map(([system, names]): Claim => {
    const prefix = names.length > 1 ? gatewayJobPrefix(names) : undefined;
    const base = { system, protocol: "TCP", port, path: ["gateway", "port"], owner: "gateway" };
    return prefix !== undefined ? { ...base, share: jobPrefixTest(prefix) } : { ...base, server: names[0] };
  });
}

function mayShare(a: Claim, b: Claim): boolean {
  if (a.server !== undefined && a.server === b.server) return true;
  // Two reservations of one port are two PORT statements competing for it.
  if (a.share && b.share) return false;
  if (a.share && b.server !== undefined) return a.share.test(b.server);
  if (b.share && a.server !== undefined) return b.share.test(a.server);
  return false;
}

export function checkPortClashes(ctx: RuleContext): void {
  const seen = new Map<string, Claim[]>();
  const reported = new Set<string>();
  for (const claim of claims(ctx)) {
    const key = `${claim.system} ${claim.protocol} ${claim.port}`;
    const earlier = seen.get(key) ?? [];
    const clash = earlier.find((e) => e.owner !== claim.owner && !mayShare(e, claim));
    const where = pathString(claim.path);
    if (clash !== undefined && !reported.has(where)) {
      reported.add(where);
      ctx.report(
        claim.path,
        `puts ${claim.protocol} port ${claim.port} on ${claim.system}, where ${pathString(clash.path)} already listens on it`,
        `a port no other section uses on ${claim.system}, unless both name the same server or the server matches a portSharing jobPrefix reserving that port`,
      );
    }
    seen.set(key, [...earlier, claim]);
  }
}

/**
 * PORT ... SHAREPORT and SHAREPORTWLM share a listening port between servers and hand
 * out TCP connections; TCP/IP accepts them on TCP reservations only (z/OS Communications
 * Server, PORT statement and "SHAREPORT" in the IP Configuration Guide).
 */
export function checkPortProtocols(ctx: RuleContext): void {
  list(ctx.t.portSharing).forEach((entry, i) => {
    const mode = str(entry?.mode);
    if (entry?.protocol === "UDP" && (mode === "SHAREPORT" || mode === "SHAREPORTWLM")) {
      ctx.report(
        ["portSharing", i, "protocol"],
        `cannot be combined with mode ${mode}`,
        "TCP (TCP/IP shares a port with SHAREPORT or SHAREPORTWLM only for TCP)",
      );
    }
  });
}
