import type { PlannedStep } from "../../engine/types";
import { renderTemplate } from "../../templates/render";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { sameRecords, unifiedDiff } from "../ops/diff";
import { readMember } from "../ops/read-current";
import { safeWriteMember } from "../ops/safe-write";
import { makeStep } from "../step";
import { editIzuprm, type IzuprmSetting } from "./izuprm-edit";

/** The nine statements the hot-standby set-up needs in each system's member. */
export function haSettings(spec: Pick<StepSpec, "env">, system: string): IzuprmSetting[] {
  const t = spec.env.topology;
  const ha = t.zosmfHa!;
  const z = systemByName(t, system).zosmf!;
  return [
    { keyword: "AUTOSTART_GROUP", value: z.autostartGroup, quoted: true },
    { keyword: "AUTOSTART", value: ha.autostart, quoted: false },
    { keyword: "HOSTNAME", value: ha.hostname, quoted: true },
    { keyword: "HTTP_SSL_PORT", value: String(ha.port), quoted: false },
    { keyword: "KEYRING_NAME", value: ha.keyring, quoted: true },
    { keyword: "SERVER_PROC", value: z.serverProc, quoted: false },
    { keyword: "ANGEL_PROC", value: ha.angelProc, quoted: false },
    { keyword: "SAF_PREFIX", value: ha.safPrefix, quoted: true },
    { keyword: "USER_DIR", value: z.userDir, quoted: true },
  ];
}

export async function planParmlib(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const ha = t.zosmfHa!;
  const z = systemByName(t, system).zosmf!;
  const dsn = t.datasets.parmlib;
  const member = `IZUPRM${z.izuprmSuffix}`;
  const target = `${dsn}(${member})`;
  const current = await readMember(env.client, dsn, member);

  let base: string;
  let source: string;
  if (current.text !== null) {
    base = current.text;
    source = `${target} exists`;
  } else {
    const izuprm00 = member === "IZUPRM00" ? current : await readMember(env.client, dsn, "IZUPRM00");
    if (izuprm00.text !== null) {
      base = izuprm00.text;
      source = `${target} does not exist; starting from ${dsn}(IZUPRM00)`;
    } else {
      const step = spec.workflow.step(spec.stepId);
      base = renderTemplate(
        spec.workflow.template(step, "member"),
        { system: { name: system }, hostname: ha.hostname, port: ha.port, autostartGroup: z.autostartGroup, serverProc: z.serverProc, angelProc: ha.angelProc, safPrefix: ha.safPrefix, keyring: ha.keyring, userDir: z.userDir },
        { partials: spec.workflow.partials },
      );
      source = `${target} and IZUPRM00 do not exist; starting from the workflow template`;
    }
  }
  const desired = editIzuprm(base, haSettings(spec, system));
  const equal = current.text !== null && sameRecords(current.text, desired);
  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    system,
    observed: equal ? `${target} has every HA statement as planned` : source,
    changes: equal ? [] : [{ kind: "member", dsn, member, action: current.text === null ? "create" : "update", diff: unifiedDiff(target, current.text, desired) }],
    apply: async (ctx) => {
      await safeWriteMember({ client: env.client, ctx, stepId: spec.id, runToken: env.runToken, dsn, member, observed: current, text: desired, backupDsn: t.datasets.backup });
      return { state: "changed", notes: [`${target} written; the server reads it at its next start`] };
    },
  });
}
