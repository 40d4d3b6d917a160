import type { CONFIG_KINDS } from "../topology/schema";

/** The kinds of server configuration file verify can read and compare (topology `configKind`). */
export type ConfigKind = (typeof CONFIG_KINDS)[number];

/**
 * One thing a server's configuration says that its peers must say too: an API it offers,
 * a data store it reaches. `key` is compared; `offers`/`offer` read as "SYSA's ZCHA1 offers
 * API claims" and "SYSA's ZCHA1 and SYSB's ZCHA2 offer API claims".
 */
export interface ConfigFact {
  readonly key: string;
  readonly offers: string;
  readonly offer: string;
}

/** What a reader made of a file: its facts, or the lines it could not read (then nothing is compared). */
export type ConfigFacts =
  { readonly ok: true; readonly facts: readonly ConfigFact[] } | { readonly ok: false; readonly problems: readonly string[] };

/** `verb` is the singular form ("offers", "has", "reaches"); the plural is made from it (offer, have, reach). */
export function fact(key: string, verb: string, what: string): ConfigFact {
  const plural = verb === "has" ? "have" : /(ch|sh|ss|x)es$/.test(verb) ? verb.slice(0, -2) : verb.replace(/s$/, "");
  return { key, offers: `${verb} ${what}`, offer: `${plural} ${what}` };
}

/** The kind a config names by its form: a z/OS UNIX path is a server.xml, DSN(MEMBER) an HWSCFGxx member. */
export function kindOfForm(config: string): ConfigKind {
  return config.startsWith("/") ? "zosconnect-server-xml" : "ims-connect";
}
