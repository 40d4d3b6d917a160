import type { PathSegment } from "./problems";
import { knownSystem, list, num, str, unique, up, type Loose, type RuleContext } from "./rule-context";
import { jobPrefixTest } from "./rules-network";
import { CACHING_MODES, DIST_METHODS, type DistributedService } from "./schema";

const STORAGE_BLOCKS = {
  infinispan: "an infinispan block (jgroupsPort, keyExchangePort, initialHosts)",
  vsam: "a vsam block with name and rls { storageClass } or nonRls { volume }",
  redis: "a redis block with masterNodeUri",
} as const;

export function checkCachingService(ctx: RuleContext): void {
  const cs = ctx.t.cachingService;
  if (typeof cs !== "object" || cs === null) return;
  const at = (...path: PathSegment[]): PathSegment[] => ["cachingService", ...path];

  const instances = list(cs.instances);
  unique(
    ctx,
    instances.map((value, i) => ({ path: at("instances", i), key: knownSystem(ctx, at("instances", i), value) })),
    "each system once (one Caching Service per system)",
  );

  const storage = cs.storage;
  if (typeof storage !== "object" || storage === null) return;
  const mode = CACHING_MODES.find((m) => m === storage.mode);
  if (mode === "inMemory" && instances.length > 1) {
    ctx.report(
      at("storage", "mode"),
      `keeps its data inside one instance, so ${instances.length} instances cannot share it`,
      "infinispan, vsam or redis when there is more than one instance",
    );
  }
  checkPlatform(ctx, cs.platform, mode, new Set(instances.map(up)).size);
  if (mode !== undefined) {
    for (const [block, allowed] of Object.entries(STORAGE_BLOCKS) as [keyof typeof STORAGE_BLOCKS, string][]) {
      const present = storage[block] !== undefined;
      if (block === mode && !present) {
        ctx.report(at("storage", block), `is required when mode is ${mode}`, allowed);
      } else if (block !== mode && present) {
        ctx.report(
          at("storage", block),
          `is only used when mode is ${block}, but mode is ${mode}`,
          mode === "inMemory" ? "no storage block with mode inMemory" : `only the ${mode} block`,
        );
      }
    }
  }

  const vsam = storage.vsam;
  if (typeof vsam === "object" && vsam !== null) {
    const allowed = "exactly one of rls { storageClass } (record-level sharing, for a sysplex) or nonRls { volume }";
    if (vsam.rls !== undefined && vsam.nonRls !== undefined) {
      ctx.report(at("storage", "vsam", "nonRls"), "cannot be combined with rls", allowed);
    } else if (vsam.rls === undefined && vsam.nonRls === undefined) {
      ctx.report(at("storage", "vsam"), "has neither rls nor nonRls", allowed);
    }
  }

  const infinispan = storage.infinispan;
  if (typeof infinispan === "object" && infinispan !== null) {
    const jgroups = num(infinispan.jgroupsPort) ?? 7600;
    const keyExchange = num(infinispan.keyExchangePort) ?? 7601;
    if (jgroups === keyExchange) {
      const field = infinispan.keyExchangePort === undefined ? "jgroupsPort" : "keyExchangePort";
      const other = field === "jgroupsPort" ? "keyExchangePort" : "jgroupsPort";
      ctx.report(at("storage", "infinispan", field), `is the same port as ${other}`, `a port other than ${jgroups}`);
    }
  }
}

/**
 * Redis is offered only to an API ML running off platform; a VSAM cluster opened NONRLS
 * cannot be shared by instances on two systems (SHAREOPTIONS(2 3) lets one system write).
 */
function checkPlatform(ctx: RuleContext, platform: unknown, mode: (typeof CACHING_MODES)[number] | undefined, instances: number): void {
  const offPlatform = platform === "off-platform";
  if (mode === "redis" && !offPlatform) {
    ctx.report(
      ["cachingService", "storage", "mode"],
      "is redis, which Zowe does not offer when API ML runs on z/OS (cachingService.platform is zos)",
      "infinispan (recommended), vsam or inMemory on z/OS; redis only with cachingService.platform: off-platform",
    );
  }
  const vsam = ctx.t.cachingService?.storage?.vsam;
  if (
    mode === "vsam" &&
    typeof vsam === "object" &&
    vsam !== null &&
    vsam.nonRls !== undefined &&
    vsam.rls === undefined &&
    instances > 1
  ) {
    ctx.report(
      ["cachingService", "storage", "vsam", "nonRls"],
      `cannot be shared by instances on ${instances} systems: a NONRLS cluster is updated from one system only`,
      "rls { storageClass } (record-level sharing), or mode infinispan, when instances run on more than one system",
    );
  }
}

export function checkPortSharing(ctx: RuleContext): void {
  const entries = list(ctx.t.portSharing);
  unique(
    ctx,
    entries.map((e, i) => ({ path: ["portSharing", i, "name"], key: str(e?.name) })),
    "a name that no other portSharing entry uses",
  );
  entries.forEach((entry, i) => {
    const at = (...path: PathSegment[]): PathSegment[] => ["portSharing", i, ...path];
    knownSystem(ctx, at("system"), entry?.system);
    const servers = list(entry?.servers);
    const prefix = up(entry?.jobPrefix);
    if (prefix !== undefined && /^[A-Z0-9@#$*?]{1,8}$/.test(prefix)) {
      const test = jobPrefixTest(prefix);
      servers.forEach((server, j) => {
        const name = up(server);
        if (name !== undefined && !test.test(name)) {
          ctx.report(
            at("servers", j),
            `does not match jobPrefix ${prefix}, so TCP/IP would not let it share the port`,
            `a job name matching ${prefix} (* stands for any characters, ? for one)`,
          );
        }
      });
    }
    unique(
      ctx,
      servers.map((server, j) => ({ path: at("servers", j), key: up(server) })),
      "each server job name once",
    );

    const port = num(entry?.port);
    if (port !== undefined && num(entry?.outboundPort) === port) {
      ctx.report(at("outboundPort"), "is the same as port", `a port other than ${port} (outgoing requests get a port of their own)`);
    }
  });
}

export function checkDistributedServices(ctx: RuleContext): void {
  const services = list(ctx.t.distributedServices);
  unique(
    ctx,
    services.map((s, i) => ({ path: ["distributedServices", i, "name"], key: str(s?.name) })),
    "a name that no other distributed service uses",
  );
  services.forEach((service, i) => {
    const at = (...path: PathSegment[]): PathSegment[] => ["distributedServices", i, ...path];
    const distributor = knownSystem(ctx, at("distributor"), service?.distributor);
    if (service?.distributorBackup !== undefined) {
      const backup = knownSystem(ctx, at("distributorBackup"), service.distributorBackup);
      if (backup !== undefined && backup === distributor) {
        ctx.report(at("distributorBackup"), "is also the distributor", `a system other than the distributor (${distributor})`);
      }
    }
    unique(
      ctx,
      list(service?.ports).map((p, j) => ({ path: at("ports", j), key: num(p)?.toString() })),
      "each port once",
    );
    const targets = list(service?.targets);
    unique(
      ctx,
      targets.map((target, j) => ({
        path: at("targets", j, "system"),
        key: knownSystem(ctx, at("targets", j, "system"), target?.system),
      })),
      "each system once per service (DESTIP names one stack once)",
    );
    const method = DIST_METHODS.find((m) => m === service?.distMethod);
    if (method !== undefined) checkTargets(ctx, at(), method, targets);
  });
}

type Target = NonNullable<Loose<DistributedService["targets"][number]>>;

/** What each distribution method asks of its DESTIP targets (EZZ0826I, EZZ0827I, EZZ0829I, EZZ0831I). */
function checkTargets(
  ctx: RuleContext,
  service: PathSegment[],
  method: (typeof DIST_METHODS)[number],
  targets: readonly (Target | undefined)[],
): void {
  targets.forEach((target, j) => {
    const at = (field: string): PathSegment[] => [...service, "targets", j, field];
    if (method === "WEIGHTEDACTIVE" && target?.weight === undefined) {
      ctx.report(at("weight"), "is required when distMethod is WEIGHTEDACTIVE", "a weight from 1 to 99");
    }
    if (method !== "WEIGHTEDACTIVE" && target?.weight !== undefined) {
      ctx.report(at("weight"), `is only used with distMethod WEIGHTEDACTIVE, not ${method}`, "no weight");
    }
    if (method === "HOTSTANDBY") {
      if (target?.role === undefined) {
        ctx.report(at("role"), "is required when distMethod is HOTSTANDBY", "PREFERRED or BACKUP");
      } else if (target.role === "PREFERRED" && target.rank !== undefined) {
        ctx.report(at("rank"), "is only used on BACKUP targets", "no rank on the PREFERRED target");
      }
    } else {
      for (const field of ["role", "rank"] as const) {
        if (target?.[field] !== undefined) {
          ctx.report(at(field), `is only used with distMethod HOTSTANDBY, not ${method}`, `no ${field}`);
        }
      }
    }
  });
  if (method === "HOTSTANDBY") {
    const preferred = targets.filter((t) => t?.role === "PREFERRED").length;
    const backups = targets.filter((t) => t?.role === "BACKUP").length;
    if (preferred !== 1 || backups < 1 || backups > 31) {
      ctx.report(
        [...service, "targets"],
        `has ${preferred} PREFERRED and ${backups} BACKUP targets`,
        "exactly one PREFERRED target and 1 to 31 BACKUP targets",
      );
    }
  }
}
