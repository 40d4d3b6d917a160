import { alikeGroups, configDifferences, readConfig, whose, type AlikeGroup, type NamedConfig, type ServerFacts } from "../servers-alike";
import { splitMember } from "../topology";
import type { ProvisionEnv } from "./context";

/*
 * The plan's side of the servers-alike comparison: the same reading and comparison verify
 * does, said as a warning. Servers that differ still get their port or distribution; the
 * person reading the plan learns that a request may find an API on one and not the other.
 */

async function facts(env: ProvisionEnv, n: NamedConfig): Promise<ServerFacts | string> {
  // Read through the server's own system, and not noted: a change to the file only changes a warning.
  const clients = env.unnoted ?? env;
  const client = clients.clientFor?.(n.system) ?? clients.client;
  try {
    const text = n.config.startsWith("/")
      ? (await client.files.readUss(n.config)).text
      : (await client.files.read(splitMember(n.config).dataSet, splitMember(n.config).member)).text;
    const read = readConfig(n.kind, text);
    return read.ok
      ? { who: whose(n), facts: read.facts }
      : `${n.config} (${whose(n)}) cannot be read as a ${n.kind} file: ${read.problems.join(" | ")}`;
  } catch (err) {
    return `${n.config} (${whose(n)}) could not be read: ${err instanceof Error ? err.message.replace(/\s+/g, " ").trim() : String(err)}`;
  }
}

async function groupWarnings(env: ProvisionEnv, g: AlikeGroup): Promise<string[]> {
  if (g.named.length < 2) return [];
  const read = await Promise.all(g.named.map((n) => facts(env, n)));
  const problems = read.filter((r): r is string => typeof r === "string");
  if (problems.length > 0) return [`${g.what} were not compared: ${problems.join("; ")}`];
  const differences = configDifferences(read as ServerFacts[]);
  return differences.length > 0 ? [`${g.what} do not offer the same: ${differences.join("; ")}`] : [];
}

/** Warnings for the groups `mine` picks (the ones a step's system owns); empty when they are alike. */
export async function serversAlikeWarnings(env: ProvisionEnv, mine: (g: AlikeGroup) => boolean): Promise<string[]> {
  const groups = alikeGroups(env.topology).filter(mine);
  return (await Promise.all(groups.map((g) => groupWarnings(env, g)))).flat();
}
