import { parse } from "yaml";
import { found, todo, type DraftNode } from "./found";
import { gatewayHintOf, type GatewayHint } from "./gateway-draft";
import { at } from "./yaml-at";

/*
 * cachingService from the zowe.yaml a person named (--zowe-yaml): its haInstances (which system
 * runs an instance, on which host) and components.caching-service.storage. The file is data:
 * parsed, never evaluated.
 */

export interface ZoweYamlFacts {
  readonly path: string;
  readonly section: DraftNode | undefined;
  /** Host name of each system with an haInstances entry. */
  readonly hosts: ReadonlyMap<string, string>;
  readonly notes: readonly string[];
  /** Where zowe.yaml says clients reach the gateways, when it says so. */
  readonly gateway?: GatewayHint;
}

const MODES: Readonly<Record<string, string>> = {
  infinispan: "infinispan",
  VSAM: "vsam",
  vsam: "vsam",
  redis: "redis",
  inMemory: "inMemory",
};

export function cachingFromZoweYaml(path: string, text: string, systems: readonly string[]): ZoweYamlFacts {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    return { path, section: undefined, hosts: new Map(), notes: [`${path} is not YAML: ${(err as Error).message}`] };
  }
  const gw = gatewayHintOf(doc, path);
  const gateway = gw !== undefined ? { gateway: gw } : {};
  const hosts = new Map<string, string>();
  const instances: string[] = [];
  const ha = at(doc, "haInstances");
  for (const entry of Object.values(ha !== null && typeof ha === "object" ? (ha as Record<string, unknown>) : {})) {
    const sys = String(at(entry, "sysname") ?? "").toUpperCase();
    if (!systems.includes(sys)) continue;
    const host = at(entry, "hostname");
    if (typeof host === "string") hosts.set(sys, host);
    if (at(entry, "components", "caching-service", "enabled") === true) instances.push(sys);
  }
  const storage = at(doc, "components", "caching-service", "storage");
  const mode = MODES[String(at(storage, "mode") ?? "")];
  if (instances.length === 0 || mode === undefined) {
    const why =
      instances.length === 0
        ? "no haInstances entry enables the Caching Service"
        : `storage.mode ${String(at(storage, "mode"))} is not known`;
    return { path, section: undefined, hosts, notes: [`cachingService left out: in ${path} ${why}`], ...gateway };
  }
  return { path, section: storageSection(path, storage, mode, instances), hosts, notes: [], ...gateway };
}

function storageSection(path: string, storage: unknown, mode: string, instances: readonly string[]): DraftNode {
  const from = (k: string) => `components.caching-service.storage.${k} of ${path}`;
  const num = (k: string[], fallback: number) => {
    const v = at(storage, ...k);
    return typeof v === "number" ? found(v, from(k.join("."))) : found(fallback, `the default (${k.join(".")} not set)`);
  };
  return {
    zoweYaml: found(path, "--zowe-yaml"),
    instances: found(instances, `haInstances of ${path} with the Caching Service enabled`),
    storage: {
      mode: found(mode, from("mode")),
      evictionStrategy: found(String(at(storage, "evictionStrategy") ?? "reject"), from("evictionStrategy")),
      size: num(["size"], 10000),
      ...(mode === "infinispan"
        ? {
            infinispan: {
              jgroupsPort: num(["infinispan", "jgroups", "port"], 7600),
              keyExchangePort: num(["infinispan", "jgroups", "keyExchange", "port"], 7601),
            },
          }
        : {}),
      ...(mode === "vsam"
        ? {
            vsam: {
              name:
                typeof at(storage, "vsam", "name") === "string"
                  ? found(at(storage, "vsam", "name"), from("vsam.name"))
                  : todo("ZWE.CACHE", "the VSAM cluster"),
              // zowe.yaml does not say how the cluster was defined; LISTCAT ALL of it shows its storage class.
              rls: {
                storageClass: todo(
                  "SCLASS",
                  "the SMS storage class of the cluster for record-level sharing (LISTCAT ALL), or nonRls { volume } instead",
                ),
              },
            },
          }
        : {}),
      ...(mode === "redis"
        ? { redis: { masterNodeUri: todo("redis.example.com:6379", "the Redis master node (redis settings are not read)") } }
        : {}),
    },
  };
}
