import { parse as parseYaml } from "yaml";
import { infinispanInitialHosts, type CachingService, type Topology } from "../../topology";
import type { DatasetListItem } from "../../zosmf";
import { cachingServiceSettings, gatewaySettings } from "../../zowe-yaml";
import type { Check, CheckModule, ReadSpec } from "../types";
import { degraded, failed, fromFailedRead, healthy, q, sysplexRead, type CheckHead as Head } from "../verdict";
import { settingChecks, settingHeads } from "./zowe-yaml-settings";

/*
 * The Caching Service settings in zowe.yaml as the topology says, and for VSAM the
 * data set itself: the gateways share their state through it, so a mismatch here
 * means a failover loses every session. The cluster's key and record length are not
 * read back (that needs a LISTCAT job, and verify submits none): zowe.yaml's lengths are
 * judged against the lengths the topology had ZWECSVSM define.
 */

const ZOWE_YAML = "caching.zowe-yaml";
const VSAM = "caching.vsam";

function at(value: unknown, ...path: string[]): unknown {
  let v = value;
  for (const key of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** `a[7600],b[7600]` → its members, spaces and case ignored. */
function hostList(value: string): string[] {
  return value
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== "");
}

/** The storage checks' heads, each judged by `why`: a pipeline sees the same test cases whatever could be read. */
function sameChecks(t: Topology, cs: CachingService, file: string, why: (head: Head) => Check): Check[] {
  const heads: Head[] = [
    ...storageChecks(t, cs, undefined, file).map((c) => ({ id: c.id, system: c.system, title: c.title, expected: c.expected })),
    ...settingHeads([...cachingServiceSettings(t, undefined), ...gatewaySettings(t)]),
  ];
  return heads.map(why);
}

function storageChecks(t: Topology, cs: CachingService, storage: unknown, file: string): Check[] {
  const mode = cs.storage.mode;
  const checks: Check[] = [];
  const modeHead: Head = { id: "caching.storage.mode", title: "Caching Service storage mode", expected: mode };
  const shownMode = text(at(storage, "mode"));
  if (shownMode?.toLowerCase() === mode.toLowerCase()) checks.push(healthy(modeHead, shownMode));
  else
    checks.push(
      failed(
        modeHead,
        shownMode ?? "(not set)",
        `${file}: components.caching-service.storage.mode is ${q(shownMode)}, the topology says ${q(mode)}`,
      ),
    );

  if (mode === "infinispan") {
    const expectedHosts = infinispanInitialHosts(t);
    const hostsHead: Head = {
      id: "caching.infinispan.initial-hosts",
      title: "Infinispan initialHosts name every instance",
      expected: expectedHosts,
    };
    const shown = text(at(storage, "infinispan", "initialHosts"));
    const missing = hostList(expectedHosts).filter((h) => !hostList(shown ?? "").includes(h));
    if (shown !== undefined && missing.length === 0) checks.push(healthy(hostsHead, shown));
    else checks.push(failed(hostsHead, shown ?? "(not set)", `${file}: infinispan.initialHosts lacks ${missing.join(", ")}`));

    const inf = cs.storage.infinispan;
    const jgroups = inf?.jgroupsPort ?? 7600;
    const keyExchange = inf?.keyExchangePort ?? 7601;
    const portsHead: Head = {
      id: "caching.infinispan.ports",
      title: "Infinispan jgroups and key-exchange ports",
      expected: `jgroups ${jgroups}, keyExchange ${keyExchange}`,
    };
    const shownJ = text(at(storage, "infinispan", "jgroups", "port"));
    const shownK = text(at(storage, "infinispan", "jgroups", "keyExchange", "port"));
    const found = `jgroups ${shownJ ?? "(not set)"}, keyExchange ${shownK ?? "(not set)"}`;
    const wrong = [
      shownJ !== String(jgroups) ? `jgroups.port ${q(shownJ)} is not ${jgroups}` : "",
      shownK !== String(keyExchange) ? `jgroups.keyExchange.port ${q(shownK)} is not ${keyExchange}` : "",
    ].filter(Boolean);
    checks.push(wrong.length === 0 ? healthy(portsHead, found) : failed(portsHead, found, `${file}: ${wrong.join("; ")}`));
  }

  if (mode === "vsam" && cs.storage.vsam) {
    const name = cs.storage.vsam.name;
    const nameHead: Head = { id: "caching.vsam.name", title: "Caching Service VSAM data set name", expected: name };
    const shown = text(at(storage, "vsam", "name"));
    if (shown?.toUpperCase() === name.toUpperCase()) checks.push(healthy(nameHead, shown));
    else checks.push(failed(nameHead, shown ?? "(not set)", `${file}: storage.vsam.name is ${q(shown)}, the topology says ${q(name)}`));
  }
  return checks;
}

function vsamDatasetCheck(cs: CachingService, items: DatasetListItem[]): Check {
  const vsam = cs.storage.vsam!;
  const storageClass = vsam.rls?.storageClass;
  const head: Head = {
    id: "caching.vsam.dataset",
    title: `VSAM data set ${vsam.name}`,
    expected: `cataloged, DSORG VS${storageClass ? `, storage class ${storageClass} (RLS)` : ""}`,
  };
  const item = items.find((i) => i.dsname.toUpperCase() === vsam.name.toUpperCase());
  if (item === undefined) return failed(head, "not cataloged", `${vsam.name} does not exist: the Caching Service cannot open its store`);
  const dsorg = item.dsorg?.toUpperCase();
  const storclas = (item.storclas ?? item.storageclass)?.toUpperCase();
  const found = [`DSORG ${dsorg ?? "not shown"}`, storclas ? `storage class ${storclas}` : ""].filter(Boolean).join(", ");
  if (dsorg === undefined) return degraded(head, found, "attributes not visible through the REST list");
  if (!dsorg.startsWith("VS")) return failed(head, found, `${vsam.name} is DSORG ${dsorg}, not a VSAM cluster`);
  if (storageClass && storclas !== undefined && storclas !== storageClass.toUpperCase()) {
    return failed(head, found, `${vsam.name} has storage class ${storclas}, not ${storageClass}: RLS needs the class the topology names`);
  }
  return healthy(head, found);
}

export const cachingServiceChecks: CheckModule = {
  name: "caching-service",
  applies: (t) => t.cachingService !== undefined,
  sysplexReads(t) {
    const cs = t.cachingService!;
    const reads: ReadSpec[] = [{ key: ZOWE_YAML, run: async (ctx) => (await (await ctx.client({})).files.readUss(cs.zoweYaml)).text }];
    const vsam = cs.storage.mode === "vsam" ? cs.storage.vsam : undefined;
    if (vsam) reads.push({ key: VSAM, run: async (ctx) => (await ctx.client({})).files.listDatasets(vsam.name, { attributes: true }) });
    return reads;
  },
  judge(snapshot) {
    const t = snapshot.topology;
    const cs = t.cachingService!;
    const file = cs.zoweYaml;
    const checks: Check[] = [];
    const yamlRead = sysplexRead<string>(snapshot, ZOWE_YAML);
    if (yamlRead !== undefined) {
      if (!yamlRead.ok) {
        // The same checks as when it is read, each saying why it could not be judged.
        checks.push(...sameChecks(t, cs, file, (head) => fromFailedRead(head, yamlRead, `${file} could not be read`)));
      } else {
        let doc: unknown;
        try {
          doc = parseYaml(yamlRead.value);
        } catch (err) {
          checks.push(
            ...sameChecks(t, cs, file, (head) =>
              failed(head, "not YAML", `${file} is not valid YAML: ${(err as Error).message.split("\n")[0]}`),
            ),
          );
        }
        if (doc !== undefined) {
          checks.push(...storageChecks(t, cs, at(doc, "components", "caching-service", "storage"), file));
          // The lengths, Infinispan's variables, each instance's haInstances entry and the gateway's
          // address, read back as provision writes them (one zowe.yaml, one read).
          checks.push(...settingChecks([...cachingServiceSettings(t, doc), ...gatewaySettings(t)], doc, file));
        }
      }
    }
    const vsamRead = sysplexRead<DatasetListItem[]>(snapshot, VSAM);
    if (vsamRead !== undefined) {
      const head: Head = { id: "caching.vsam.dataset", title: `VSAM data set ${cs.storage.vsam?.name}`, expected: "cataloged, DSORG VS" };
      checks.push(
        vsamRead.ok ? vsamDatasetCheck(cs, vsamRead.value) : fromFailedRead(head, vsamRead, `${cs.storage.vsam?.name} could not be listed`),
      );
    }
    return checks;
  },
};
