import { parse as parseYaml } from "yaml";
import { registerSecrets } from "../../engine/redact";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import type { Topology } from "../../topology";
import { cachingServiceSettings, checkedSettings, gatewaySettings, type ZoweYamlSetting } from "../../zowe-yaml";
import type { StepSpec } from "../context";
import { unifiedDiff } from "../ops/diff";
import { readUssFile } from "../ops/read-current";
import { safeWriteUss } from "../ops/safe-write";
import { makeStep } from "../step";
import { gatewayZoweYaml } from "../../topology";
import { cachingWarnings } from "./caching-warnings";
import { editZoweYaml } from "./zowe-yaml-edit";
import { zoweYamlSecrets } from "./zowe-yaml-secrets";

/**
 * Every section's zowe.yaml settings, one function each, given the topology and the file as it is
 * now; the step writes them all in one edit of the file, and verify reads each list back.
 */
const SETTINGS: readonly ((t: Topology, doc: unknown) => ZoweYamlSetting[])[] = [cachingServiceSettings, gatewaySettings];

export async function planZoweYaml(spec: StepSpec): Promise<PlannedStep> {
  const { env } = spec;
  const cs = env.topology.cachingService;
  // The gateway's address is written in the same edit: two steps writing one file would conflict on its ETag.
  const path = cs?.zoweYaml ?? gatewayZoweYaml(env.topology)!;
  const step = spec.workflow.step(spec.stepId);
  const warnings = cachingWarnings(env.topology);
  const current = await readUssFile(env.client, path);
  if (current.text === null) {
    const message = `${path} does not exist; the Caching Service and the gateway address are set up in an existing zowe.yaml only.`;
    return makeStep(spec, {
      title: step.title,
      observed: message,
      changes: [],
      warnings,
      blocker: new HaError(message, { failureClass: "invalid-input" }),
      apply: async () => ({ state: "unchanged" }),
    });
  }
  // Before any diff is built: the secrets of this file are masked by value wherever they are shown.
  registerSecrets(...zoweYamlSecrets(current.text));
  const doc = readable(current.text);
  const settings = checkedSettings(SETTINGS.flatMap((of) => of(env.topology, doc)));
  const desired = editZoweYaml(current.text, settings);
  const equal = desired === current.text;
  return makeStep(spec, {
    title: step.title,
    observed: equal ? `${path}: the ${settings.length} settings are as planned` : `${path}: settings differ from the topology`,
    changes: equal ? [] : [{ kind: "uss-file", path, action: "update", diff: unifiedDiff(path, current.text, desired) }],
    warnings,
    apply: async (ctx) => {
      await safeWriteUss({ client: env.client, ctx, stepId: spec.id, runToken: env.runToken, path, observed: current, text: desired });
      const who = [cs ? "the Caching Service instances" : undefined, env.topology.gateway ? "the gateways" : undefined]
        .filter(Boolean)
        .join(" and ");
      return { state: "changed", notes: [`${path} updated; restart ${who} to use it`] };
    },
  });
}

/** The file as data for the haInstances ids; a file that is not YAML is refused by the edit, with its reason. */
function readable(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}
