import type { PathSegment } from "./problems";
import { list, str, unique, up, type RuleContext } from "./rule-context";

/*
 * Server configuration files (portSharing[].configs, distributedServices[].targets[].config):
 * each names its kind by its form, a stated configKind must agree with that form, and the
 * servers of one entry must all be of one kind, or there is nothing to compare.
 */

const FORM_OF_KIND: Record<string, { test: (v: string) => boolean; allowed: string }> = {
  "zosconnect-server-xml": { test: (v) => v.startsWith("/"), allowed: "a z/OS UNIX path to the server's server.xml" },
  "ims-connect": { test: (v) => !v.startsWith("/"), allowed: "DSN(MEMBER) of the HWSCFGxx member" },
};

interface ConfigAt {
  readonly path: PathSegment[];
  readonly config: unknown;
  readonly configKind: unknown;
}

/** The kind each config is of (stated or by its form); reports a kind that contradicts the form. */
function kindsOf(ctx: RuleContext, configs: readonly ConfigAt[]): { path: PathSegment[]; kind: string }[] {
  const out: { path: PathSegment[]; kind: string }[] = [];
  for (const c of configs) {
    const config = str(c.config);
    if (config === undefined) {
      if (c.configKind !== undefined)
        ctx.report([...c.path, "configKind"], "is only used with config", "no configKind, or a config as well");
      continue;
    }
    const stated = str(c.configKind);
    const form = FORM_OF_KIND[stated ?? ""];
    if (stated !== undefined && form !== undefined && !form.test(config)) {
      ctx.report([...c.path, "config"], `is not the form of a ${stated} file`, form.allowed);
      continue;
    }
    out.push({ path: [...c.path, "config"], kind: stated ?? (config.startsWith("/") ? "zosconnect-server-xml" : "ims-connect") });
  }
  return out;
}

function oneKind(ctx: RuleContext, configs: readonly ConfigAt[]): void {
  const kinds = kindsOf(ctx, configs);
  const first = kinds[0];
  for (const k of kinds.slice(1)) {
    if (k.kind !== first!.kind) {
      ctx.report(
        k.path,
        `is a ${k.kind} file, but ${first!.kind} files are named for the other servers`,
        `the kind the others are (${first!.kind})`,
      );
    }
  }
}

export function checkServerConfigs(ctx: RuleContext): void {
  list(ctx.t.portSharing).forEach((entry, i) => {
    const at = (...path: PathSegment[]): PathSegment[] => ["portSharing", i, ...path];
    const servers = list(entry?.servers).map(up);
    const configs = list(entry?.configs);
    configs.forEach((c, j) => {
      const server = up(c?.server);
      if (server !== undefined && !servers.includes(server)) {
        ctx.report(at("configs", j, "server"), "is not one of this entry's servers", `one of ${servers.join(", ")}`);
      }
    });
    unique(
      ctx,
      configs.map((c, j) => ({ path: at("configs", j, "server"), key: up(c?.server) })),
      "each server once",
    );
    oneKind(
      ctx,
      configs.map((c, j) => ({ path: at("configs", j), config: c?.config, configKind: c?.configKind })),
    );
  });
  list(ctx.t.distributedServices).forEach((svc, i) => {
    const targets = list(svc?.targets);
    oneKind(
      ctx,
      targets.map((x, j) => ({ path: ["distributedServices", i, "targets", j], config: x?.config, configKind: x?.configKind })),
    );
  });
}
