import { registerSecrets } from "../../engine/redact";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import type { StepSpec } from "../context";
import { unifiedDiff } from "../ops/diff";
import { readUssFile } from "../ops/read-current";
import { safeWriteUss } from "../ops/safe-write";
import { editGatewayAddress } from "../gateway/zowe-yaml-gateway";
import { makeStep } from "../step";
import { gatewayZoweYaml } from "../../topology";
import { storageSettings } from "./storage-settings";
import { editCachingStorage } from "./zowe-yaml-edit";
import { zoweYamlSecrets } from "./zowe-yaml-secrets";

export async function planZoweYaml(spec: StepSpec): Promise<PlannedStep> {
  const { env } = spec;
  const cs = env.topology.cachingService;
  // The gateway's address is written in the same edit: two steps writing one file would conflict on its ETag.
  const path = cs?.zoweYaml ?? gatewayZoweYaml(env.topology)!;
  const step = spec.workflow.step(spec.stepId);
  const current = await readUssFile(env.client, path);
  if (current.text === null) {
    const message = `${path} does not exist; the Caching Service storage is set in an existing zowe.yaml only.`;
    return makeStep(spec, {
      title: step.title,
      observed: message,
      changes: [],
      blocker: new HaError(message, { failureClass: "invalid-input" }),
      apply: async () => ({ state: "unchanged" }),
    });
  }
  // Before any diff is built: the secrets of this file are masked by value wherever they are shown.
  registerSecrets(...zoweYamlSecrets(current.text));
  const storage = cs ? editCachingStorage(current.text, storageSettings(env.topology)) : current.text;
  const desired = editGatewayAddress(storage, env.topology);
  const equal = desired === current.text;
  return makeStep(spec, {
    title: step.title,
    observed: `${path}: ${cs ? `storage ${equal ? `is ${cs.storage.mode} as planned` : "differs from the topology"}` : `gateway address ${equal ? "is as planned" : "differs from the topology"}`}`,
    changes: equal ? [] : [{ kind: "uss-file", path, action: "update", diff: unifiedDiff(path, current.text, desired) }],
    apply: async (ctx) => {
      await safeWriteUss({ client: env.client, ctx, stepId: spec.id, runToken: env.runToken, path, observed: current, text: desired });
      return { state: "changed", notes: [`${path} updated; restart the Caching Service instances to use it`] };
    },
  });
}
