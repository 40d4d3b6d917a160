import {
  alikeGroups,
  configDifferences,
  readConfig,
  sharedText,
  whose,
  type AlikeGroup,
  type NamedConfig,
  type ServerFacts,
} from "../../servers-alike";
import { splitMember, type Topology, type TopologySystem } from "../../topology";
import type { Check, CheckModule, ReadContext, ReadSpec, Snapshot } from "../types";
import { degraded, healthy, systemRead, type CheckHead } from "../verdict";

/*
 * Servers that share a port, or stand behind one DVIPA, must offer the same APIs and services
 * and reach the same IMS systems: a request served by one must be served by any. Each server's
 * configuration file is read (a GET through its own system's z/OSMF) and compared. A file that
 * cannot be read, or read as the server reads it, leaves the comparison unknown.
 */

/** The read of one configuration file, shared by every group that names it. */
export const configReadKey = (config: string) => `servers.alike.config:${config}`;
const key = configReadKey;

async function readText(ctx: ReadContext, config: string): Promise<string> {
  const client = await ctx.client();
  if (config.startsWith("/")) return (await client.files.readUss(config)).text;
  const { dataSet, member } = splitMember(config);
  return (await client.files.read(dataSet, member)).text;
}

function namedOn(t: Topology, system: TopologySystem): NamedConfig[] {
  return alikeGroups(t).flatMap((g) => g.named.filter((n) => n.system === system.name));
}

function unknown(head: CheckHead, found: string, reason: string): Check {
  return { ...head, found, verdict: "failed", reason, notRun: true };
}

type Outcome = { facts: ServerFacts } | { down: string } | { unknown: string };

function outcomeOf(snapshot: Snapshot, n: NamedConfig): Outcome {
  const read = systemRead<string>(snapshot, n.system, key(n.config));
  if (snapshot.down.has(n.system)) return { down: `${whose(n)} (${n.config}) not compared: ${n.system} is down` };
  if (read === undefined) return { unknown: `${n.config} (${whose(n)}) was not read` };
  if (!read.ok) return { unknown: `${n.config} (${whose(n)}) could not be read: ${read.message}` };
  const facts = readConfig(n.kind, read.value);
  if (!facts.ok) return { unknown: `${n.config} (${whose(n)}) cannot be read as a ${n.kind} file: ${facts.problems.join(" | ")}` };
  return { facts: { who: whose(n), facts: facts.facts } };
}

function judgeGroup(snapshot: Snapshot, g: AlikeGroup): Check {
  const kinds = [...new Set(g.named.map((n) => n.kind))].join(", ");
  const head: CheckHead = {
    id: g.id,
    ...(g.system ? { system: g.system } : {}),
    title: `Same APIs, services and IMS connections on ${g.what}`,
    expected: `every named ${kinds || "configuration"} file defines the same`,
  };
  const notApplicable = (found: string, reason: string): Check => ({ ...head, found, verdict: "not-applicable", reason });
  if (g.named.length < 2) {
    return notApplicable(
      `${g.named.length} of ${g.servers} servers name a config file`,
      `${g.what}: name the config of at least two servers to compare them`,
    );
  }
  const outcomes = g.named.map((n) => outcomeOf(snapshot, n));
  const unknowns = outcomes.flatMap((o) => ("unknown" in o ? [o.unknown] : []));
  if (unknowns.length > 0) return unknown(head, "could not read", unknowns.join("; "));
  const servers = outcomes.flatMap((o) => ("facts" in o ? [o.facts] : []));
  const skipped = outcomes.flatMap((o) => ("down" in o ? [o.down] : []));
  if (servers.length < 2) return notApplicable(`${servers.length} config file(s) compared`, skipped.join("; "));
  const differences = configDifferences(servers);
  const note = skipped.length > 0 ? ` (${skipped.join("; ")})` : "";
  if (differences.length > 0) {
    return degraded(head, `${differences.length} difference(s)${note}`, `${g.what} do not offer the same: ${differences.join("; ")}`);
  }
  return healthy(head, `${sharedText(servers)}${note}`);
}

export const serversAlikeChecks: CheckModule = {
  name: "servers-alike",
  applies: (t) => alikeGroups(t).length > 0,
  systemReads(t, system): ReadSpec[] {
    const configs = [...new Set(namedOn(t, system).map((n) => n.config))];
    return configs.map((config) => ({ key: key(config), run: (ctx) => readText(ctx, config) }));
  },
  judge: (snapshot) => alikeGroups(snapshot.topology).map((g) => judgeGroup(snapshot, g)),
};
