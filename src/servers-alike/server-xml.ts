import { fact, type ConfigFact, type ConfigFacts } from "./facts";
import { readXmlElements, type XmlElement } from "./xml-elements";

/*
 * What a z/OS Connect server.xml makes available: the APIs (zosconnect_zosConnectAPIs >
 * zosConnectAPI), services (zosconnect_services > service) and API requesters
 * (zosconnect_apiRequesters > apiRequester) it names, the directories their archives are
 * read from, and its IMS connections (imsmobile_imsConnection or zosconnect_imsConnection,
 * through connectionFactory > properties.gmoa to IMS Connect's host and port).
 * An include, a ${variable} in a compared value, or one of these elements where it does not
 * belong stops the reading: what the server really offers would then be a guess.
 */

const LISTS = [
  { list: "zosconnect_zosConnectAPIs", item: "zosConnectAPI", what: "API", archives: "API archives" },
  { list: "zosconnect_services", item: "service", what: "service", archives: "service archives" },
  { list: "zosconnect_apiRequesters", item: "apiRequester", what: "API requester", archives: "API requester archives" },
] as const;

const IMS_CONNECTIONS = ["imsmobile_imsConnection", "zosconnect_imsConnection"];

/** A compared value as written; a problem when it is missing or left to a Liberty variable. */
function plain(e: XmlElement, attribute: string, problems: string[]): string | undefined {
  const value = e.attributes.get(attribute);
  if (value === undefined || value.trim() === "") {
    problems.push(`line ${e.line}: <${e.name}> has no ${attribute}`);
    return undefined;
  }
  if (value.includes("${")) {
    problems.push(`line ${e.line}: <${e.name}> ${attribute}="${value}" depends on a variable this reader does not resolve`);
    return undefined;
  }
  return value;
}

function listFacts(elements: readonly XmlElement[], problems: string[]): ConfigFact[] {
  const facts: ConfigFact[] = [];
  for (const kind of LISTS) {
    for (const e of elements) {
      if (e.name === kind.list && e.attributes.has("location")) {
        const location = plain(e, "location", problems);
        if (location !== undefined) facts.push(fact(`${kind.list}.location=${location}`, "reads", `${kind.archives} from ${location}`));
      }
      if (e.name !== kind.item || (kind.item === "service" && e.parent !== kind.list)) continue;
      if (e.parent !== kind.list) {
        problems.push(`line ${e.line}: <${e.name}> outside <${kind.list}>`);
        continue;
      }
      const name = plain(e, "name", problems);
      if (name !== undefined) facts.push(fact(`${kind.item}=${name}`, "offers", `${kind.what} ${name}`));
    }
  }
  return facts;
}

/** The IMS Connect host and port of each IMS connection, through its connection factory. */
function imsFacts(elements: readonly XmlElement[], problems: string[]): ConfigFact[] {
  const facts: ConfigFact[] = [];
  for (const conn of elements.filter((e) => IMS_CONNECTIONS.includes(e.name))) {
    const id = plain(conn, "id", problems);
    const ref = plain(conn, "connectionFactoryRef", problems);
    if (id === undefined || ref === undefined) continue;
    const factories = elements.filter((e) => e.name === "connectionFactory" && e.attributes.get("id") === ref);
    const factoryAt = factories.length === 1 ? elements.indexOf(factories[0]!) : -1;
    const gmoa = factoryAt < 0 ? [] : elements.filter((e) => e.parentAt === factoryAt && e.name === "properties.gmoa");
    if (gmoa.length !== 1) {
      problems.push(
        `line ${conn.line}: IMS connection ${id} refers to connectionFactory ${ref}, which is not one connectionFactory with one properties.gmoa in this file`,
      );
      continue;
    }
    const host = plain(gmoa[0]!, "hostName", problems);
    const port = plain(gmoa[0]!, "portNumber", problems);
    if (host !== undefined && port !== undefined)
      facts.push(fact(`ims=${id}@${host.toLowerCase()}:${port}`, "has", `IMS connection ${id} to ${host}:${port}`));
  }
  return facts;
}

export function readServerXml(text: string): ConfigFacts {
  const xml = readXmlElements(text);
  if (xml.problems.length > 0) return { ok: false, problems: xml.problems };
  const problems: string[] = [];
  const root = xml.elements[0]!;
  if (root.name !== "server") problems.push(`line ${root.line}: the top element is <${root.name}>, not <server>`);
  for (const e of xml.elements.filter((x) => x.name === "include")) {
    problems.push(
      `line ${e.line}: <include location="${e.attributes.get("location") ?? ""}"> is not followed; name the file that defines the APIs and services as config`,
    );
  }
  const facts = [...listFacts(xml.elements, problems), ...imsFacts(xml.elements, problems)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, facts };
}
