import { HaError } from "../../errors";
import { preview, Refusal, zoweYamlText } from "../../templates/escape";
import { hidePassword, infinispanInitialHosts, type Topology } from "../../topology";
import type { StorageSetting } from "./zowe-yaml-edit";

/** The storage keys zowe.yaml needs for the topology's mode (zowe spells the modes infinispan, VSAM, redis). */
export function storageSettings(t: Topology): StorageSetting[] {
  const s = t.cachingService!.storage;
  const mode = s.mode === "vsam" ? "VSAM" : s.mode;
  const out: StorageSetting[] = [
    { path: ["mode"], value: mode },
    { path: ["evictionStrategy"], value: s.evictionStrategy },
    { path: ["size"], value: s.size },
  ];
  if (s.mode === "infinispan") {
    const i = s.infinispan ?? { jgroupsPort: 7600, keyExchangePort: 7601 };
    out.push(
      { path: ["infinispan", "initialHosts"], value: infinispanInitialHosts(t) },
      { path: ["infinispan", "jgroups", "port"], value: i.jgroupsPort },
      { path: ["infinispan", "jgroups", "keyExchange", "port"], value: i.keyExchangePort },
    );
  }
  if (s.mode === "vsam" && s.vsam) out.push({ path: ["vsam", "name"], value: s.vsam.name });
  if (s.mode === "redis" && s.redis) {
    const r = s.redis;
    out.push({ path: ["redis", "masterNodeUri"], value: r.masterNodeUri });
    if (r.timeout !== undefined) out.push({ path: ["redis", "timeout"], value: r.timeout });
    if (r.sentinel) {
      out.push(
        { path: ["redis", "sentinel", "masterInstance"], value: r.sentinel.masterInstance },
        { path: ["redis", "sentinel", "nodes"], value: r.sentinel.nodes },
      );
    }
    if (r.ssl) {
      out.push({ path: ["redis", "ssl", "enabled"], value: r.ssl.enabled });
      if (r.ssl.keystore) out.push({ path: ["redis", "ssl", "keystore"], value: r.ssl.keystore });
      if (r.ssl.truststore) out.push({ path: ["redis", "ssl", "truststore"], value: r.ssl.truststore });
    }
  }
  return out.map(zoweYamlValue);
}

/** Each text value as zowe.yaml may hold it (../../templates/escape/zowe-yaml.ts); a refusal names the topology field. */
function zoweYamlValue(s: StorageSetting): StorageSetting {
  const texts = typeof s.value === "string" ? [s.value] : Array.isArray(s.value) ? (s.value as readonly string[]) : [];
  for (const text of texts) {
    try {
      zoweYamlText(text);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      // Redis addresses may carry a password: never shown.
      throw new HaError(
        `cachingService.storage.${s.path.join(".")} ${err.reason}; in zowe.yaml it may hold ${err.allowed}. Nothing was sent.`,
        {
          failureClass: "invalid-input",
          details: [`value: ${preview(hidePassword(text))}`],
        },
      );
    }
  }
  return s;
}
