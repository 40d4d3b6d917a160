import { infinispanInitialHosts, type Topology } from "../topology";
import { cachingInstanceSystems, haInstanceIds } from "./ha-instances";
import type { ZoweYamlSetting } from "./setting";

const SERVICE = ["components", "caching-service"];
const STORAGE = [...SERVICE, "storage"];
const ENV = ["zowe", "environments"];
const AT = "cachingService.storage";

/**
 * What zowe.yaml must hold for the topology's Caching Service (zowe spells the modes
 * infinispan, VSAM, redis, inMemory), given the file as it is now (for its haInstances ids).
 */
export function cachingServiceSettings(t: Topology, doc: unknown): ZoweYamlSetting[] {
  const cs = t.cachingService;
  if (cs === undefined) return [];
  const s = cs.storage;
  return [
    { path: [...STORAGE, "mode"], value: s.mode === "vsam" ? "VSAM" : s.mode, field: `${AT}.mode` },
    { path: [...STORAGE, "evictionStrategy"], value: s.evictionStrategy, field: `${AT}.evictionStrategy` },
    { path: [...STORAGE, "size"], value: s.size, field: `${AT}.size` },
    ...infinispanSettings(t),
    ...vsamSettings(t),
    ...redisSettings(t),
    ...instanceSettings(t, doc),
  ];
}

/**
 * Infinispan reads its members and bind port from zowe.environments (its variables do not follow
 * the v2 naming), and zowe.yaml's own keys hold the same; each instance's jgroups host is its
 * system's host name, under its haInstances entry, since the address differs per instance.
 */
function infinispanSettings(t: Topology): ZoweYamlSetting[] {
  const s = t.cachingService!.storage;
  if (s.mode !== "infinispan") return [];
  const i = s.infinispan ?? { jgroupsPort: 7600, keyExchangePort: 7601 };
  const hosts = infinispanInitialHosts(t);
  const hostsField = i.initialHosts !== undefined ? `${AT}.infinispan.initialHosts` : "cachingService.instances";
  const env = { id: "caching.infinispan.environments", title: "Infinispan settings in zowe.environments" };
  return [
    { path: [...STORAGE, "infinispan", "initialHosts"], value: hosts, field: hostsField },
    { path: [...STORAGE, "infinispan", "jgroups", "port"], value: i.jgroupsPort, field: `${AT}.infinispan.jgroupsPort` },
    {
      path: [...STORAGE, "infinispan", "jgroups", "keyExchange", "port"],
      value: i.keyExchangePort,
      field: `${AT}.infinispan.keyExchangePort`,
    },
    {
      path: [...ENV, "CACHING_STORAGE_INFINISPAN_INITIALHOSTS"],
      value: hosts,
      field: hostsField,
      check: { ...env, label: "CACHING_STORAGE_INFINISPAN_INITIALHOSTS" },
    },
    {
      path: [...ENV, "JGROUPS_BIND_PORT"],
      value: i.jgroupsPort,
      field: `${AT}.infinispan.jgroupsPort`,
      check: { ...env, label: "JGROUPS_BIND_PORT" },
    },
  ];
}

/** The cluster's key and record length where the service reads them, so it opens the cluster ZWECSVSM defined. */
function vsamSettings(t: Topology): ZoweYamlSetting[] {
  const v = t.cachingService!.storage.mode === "vsam" ? t.cachingService!.storage.vsam : undefined;
  if (v === undefined) return [];
  const check = { id: "caching.vsam.lengths", title: "VSAM key and record length in zowe.environments", from: `the cluster ${v.name}` };
  return [
    { path: [...STORAGE, "vsam", "name"], value: v.name, field: `${AT}.vsam.name` },
    {
      path: [...ENV, "CACHING_STORAGE_VSAM_KEYLENGTH"],
      value: v.keyLength,
      field: `${AT}.vsam.keyLength`,
      check: { ...check, label: "key length" },
    },
    {
      path: [...ENV, "CACHING_STORAGE_VSAM_RECORDLENGTH"],
      value: v.recordLength,
      field: `${AT}.vsam.recordLength`,
      check: { ...check, label: "record length" },
    },
  ];
}

function redisSettings(t: Topology): ZoweYamlSetting[] {
  const r = t.cachingService!.storage.mode === "redis" ? t.cachingService!.storage.redis : undefined;
  if (r === undefined) return [];
  const at = (...keys: string[]) => ({ path: [...STORAGE, "redis", ...keys], field: `${AT}.redis.${keys.join(".")}` });
  const out: ZoweYamlSetting[] = [{ ...at("masterNodeUri"), value: r.masterNodeUri }];
  if (r.timeout !== undefined) out.push({ ...at("timeout"), value: r.timeout });
  if (r.sentinel) {
    out.push(
      { ...at("sentinel", "masterInstance"), value: r.sentinel.masterInstance },
      { ...at("sentinel", "nodes"), value: r.sentinel.nodes },
    );
  }
  if (r.ssl) {
    out.push({ ...at("ssl", "enabled"), value: r.ssl.enabled });
    if (r.ssl.keystore) out.push({ ...at("ssl", "keystore"), value: r.ssl.keystore });
    if (r.ssl.truststore) out.push({ ...at("ssl", "truststore"), value: r.ssl.truststore });
  }
  return out;
}

/** One haInstances entry per instance: where it runs, the system its start is routed to, the Caching Service on. */
function instanceSettings(t: Topology, doc: unknown): ZoweYamlSetting[] {
  const cs = t.cachingService!;
  const systems = cachingInstanceSystems(t);
  const ids = haInstanceIds(
    systems.map((s) => s.name),
    doc,
  );
  return systems.flatMap((system, n) => {
    const id = ids.get(system.name)!;
    const entry = ["haInstances", id];
    const hostField = `systems[${t.systems.indexOf(system)}].hostname`;
    const check = { id: "caching.ha-instance", title: `Zowe HA instance ${id}`, system: system.name };
    const out: ZoweYamlSetting[] = [
      { path: [...entry, "hostname"], value: system.hostname, field: hostField, check: { ...check, label: `haInstances.${id}.hostname` } },
      {
        path: [...entry, "sysname"],
        value: system.name,
        field: `cachingService.instances[${n}]`,
        check: { ...check, label: `haInstances.${id}.sysname` },
      },
      {
        path: [...entry, ...SERVICE, "enabled"],
        value: true,
        field: `cachingService.instances[${n}]`,
        check: { ...check, label: `haInstances.${id}.components.caching-service.enabled` },
      },
    ];
    if (cs.storage.mode === "infinispan") {
      out.push({
        path: [...entry, ...STORAGE, "infinispan", "jgroups", "host"],
        value: system.hostname,
        field: hostField,
        check: { ...check, label: `haInstances.${id}.components.caching-service.storage.infinispan.jgroups.host` },
      });
    }
    return out;
  });
}
