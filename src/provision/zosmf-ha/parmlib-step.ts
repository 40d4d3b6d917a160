import { memberWrite } from "../ops/member-write";
import type { PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { systemByName } from "../../topology";
import { systemField } from "../../templates/topology-fields";
import type { StepSpec } from "../context";
import { sameRecords } from "../ops/diff";
import { readMember } from "../ops/read-current";
import { makeStep } from "../step";
import { editIzuprm, type IzuprmSetting } from "./izuprm-edit";

/** The nine statements the hot-standby set-up needs in each system's member. */
export function haSettings(spec: Pick<StepSpec, "env">, system: string): IzuprmSetting[] {
  const t = spec.env.topology;
  const ha = t.zosmfHa!;
  const z = systemByName(t, system).zosmf!;
  const mine = `${systemField(t, system)}.zosmf`;
  return [
    { keyword: "AUTOSTART_GROUP", value: z.autostartGroup, quoted: true, field: `${mine}.autostartGroup` },
    { keyword: "AUTOSTART", value: ha.autostart, quoted: false, field: "zosmfHa.autostart" },
    { keyword: "HOSTNAME", value: ha.hostname, quoted: true, field: "zosmfHa.hostname" },
    { keyword: "HTTP_SSL_PORT", value: String(ha.port), quoted: false, field: "zosmfHa.port" },
    { keyword: "KEYRING_NAME", value: ha.keyring, quoted: true, field: "zosmfHa.keyring" },
    { keyword: "SERVER_PROC", value: z.serverProc, quoted: false, field: `${mine}.serverProc` },
    { keyword: "ANGEL_PROC", value: ha.angelProc, quoted: false, field: "zosmfHa.angelProc" },
    { keyword: "SAF_PREFIX", value: ha.safPrefix, quoted: true, field: "zosmfHa.safPrefix" },
    { keyword: "USER_DIR", value: z.userDir, quoted: true, field: `${mine}.userDir` },
  ];
}

export async function planParmlib(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
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
    // IBM ships IZUPRM00 in SAMPLIB as the model to copy for a new member.
    const sample = await readMember(env.client, t.datasets.samplib, "IZUPRM00");
    if (sample.text === null) {
      throw new HaError(
        `${target} does not exist and ${t.datasets.samplib}(IZUPRM00), the sample to start it from, does not exist either.`,
        {
          failureClass: "invalid-input",
          details: ["Set datasets.samplib to the library that holds IBM's IZUPRM00 sample, or create the member yourself."],
        },
      );
    }
    base = sample.text;
    source = `${target} does not exist; starting from ${t.datasets.samplib}(IZUPRM00)`;
  }
  const desired = editIzuprm(base, haSettings(spec, system));
  const equal = current.text !== null && sameRecords(current.text, desired);
  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    system,
    observed: equal ? `${target} has every HA statement as planned` : source,
    ...memberWrite(
      spec,
      { dsn, member, observed: current, text: desired, note: `${target} written; the server reads it at its next start` },
      !equal,
    ),
  });
}
