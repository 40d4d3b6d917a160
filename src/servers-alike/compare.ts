import { type ConfigFact, type ConfigFacts, type ConfigKind } from "./facts";
import { readHwscfg } from "./hwscfg";
import { readServerXml } from "./server-xml";

/** The reader for a kind of file. */
export function readConfig(kind: ConfigKind, text: string): ConfigFacts {
  return kind === "zosconnect-server-xml" ? readServerXml(text) : readHwscfg(text);
}

/** One server's facts, named the way the reasons name it ("SYSA's ZCHA1"). */
export interface ServerFacts {
  readonly who: string;
  readonly facts: readonly ConfigFact[];
}

function names(list: readonly string[]): string {
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;
}

/**
 * What the servers do not all say, one line per fact: "SYSA's ZCONA offers API claims,
 * SYSB's ZCONB does not". Empty when every server says the same.
 */
export function configDifferences(servers: readonly ServerFacts[]): string[] {
  const all = new Map<string, ConfigFact>();
  for (const s of servers) for (const f of s.facts) if (!all.has(f.key)) all.set(f.key, f);
  const out: string[] = [];
  for (const [key, f] of all) {
    const haves = servers.filter((s) => s.facts.some((x) => x.key === key)).map((s) => s.who);
    const lacks = servers.filter((s) => !s.facts.some((x) => x.key === key)).map((s) => s.who);
    if (lacks.length === 0) continue;
    out.push(`${names(haves)} ${haves.length === 1 ? f.offers : f.offer}, ${names(lacks)} ${lacks.length === 1 ? "does" : "do"} not`);
  }
  return out;
}

/** How many shared definitions `found` lists before it counts the rest. */
const SHOWN = 6;

/** What the servers share, for the check's `found`: "the same 4 definitions: API claims, ...". */
export function sharedText(servers: readonly ServerFacts[]): string {
  const facts = servers[0]?.facts ?? [];
  const keys = [...new Set(facts.map((f) => f.key))];
  const shown = facts.slice(0, SHOWN).map((f) => f.offers);
  if (facts.length > SHOWN) shown.push(`${facts.length - SHOWN} more`);
  return `${names(servers.map((s) => s.who))}: the same ${keys.length} definition${keys.length === 1 ? "" : "s"}${keys.length ? ` (${shown.join("; ")})` : ""}`;
}
