import type { ApplyContext, Change, PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { systemField } from "../../templates/topology-fields";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { sameRecords, unifiedDiff } from "../ops/diff";
import { readMember, type Observed } from "../ops/read-current";
import { safeWriteMember } from "../ops/safe-write";
import { makeStep } from "../step";
import { assertJesReadable } from "../../templates/jcl-columns";
import { setProcDefaults } from "./proc-edit";
import { jclQuotedText } from "../../templates/escape/jcl";
import { Refusal } from "../../templates/escape";

/** A value inside a PROC statement's apostrophes, as JCL reads it: `&` would start a symbol there. */
function quotedJcl(value: string, field: string): string {
  try {
    return jclQuotedText(value);
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    throw new HaError(`${field} ${err.reason}; in the server procedure's USERDIR= it may hold ${err.allowed}. Nothing was sent.`, {
      failureClass: "invalid-input",
    });
  }
}

interface ProcWrite {
  readonly member: string;
  readonly current: Observed;
  readonly text: string;
}

/** IZUSVR1 → the system's server procedure, reading its own IZUPRMxx member. */
export async function planServerProc(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const z = systemByName(t, system).zosmf!;
  const proclib = t.datasets.proclib;
  const current = await readMember(env.client, proclib, z.serverProc);
  let base: string;
  let observed: string;
  if (current.text !== null) {
    // The site may have tailored its copy; only IZUPRM= and USERDIR= are ours to set.
    base = current.text;
    observed = `${proclib}(${z.serverProc}) exists`;
  } else {
    const source = await readMember(env.client, t.datasets.procSource, "IZUSVR1");
    if (source.text === null) {
      throw new HaError(`${t.datasets.procSource}(IZUSVR1) does not exist, so ${z.serverProc} cannot be created from it.`, {
        failureClass: "invalid-input",
        details: ["Set datasets.procSource to the library that holds IBM's IZUSVR1."],
      });
    }
    base = source.text;
    observed = `${proclib}(${z.serverProc}) does not exist; copying ${t.datasets.procSource}(IZUSVR1)`;
  }
  // IZUPRM= picks the system's own IZUPRMxx; USERDIR= (quoted, as IBM's IZUSVR1 codes it) must be the
  // same USER_DIR that member names, one per server.
  const field = systemField(t, system);
  const desired = setProcDefaults(
    base,
    [
      { name: "IZUPRM", value: z.izuprmSuffix, field: `${field}.zosmf.izuprmSuffix` },
      { name: "USERDIR", value: `'${quotedJcl(z.userDir, `${field}.zosmf.userDir`)}'`, field: `${field}.zosmf.userDir` },
    ],
    `${proclib}(${z.serverProc})`,
  );
  const writes: ProcWrite[] =
    current.text !== null && sameRecords(current.text, desired) ? [] : [{ member: z.serverProc, current, text: desired }];
  return procStep(
    spec,
    system,
    writes.length ? observed : `${proclib}(${z.serverProc}) has IZUPRM=${z.izuprmSuffix} and USERDIR='${z.userDir}'`,
    writes,
  );
}

/** IZUANG1 and IZUFPROC are shared by every server: copied once when missing, never changed. */
export async function planSharedProcs(spec: StepSpec): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const ha = t.zosmfHa!;
  const writes: ProcWrite[] = [];
  const seen: string[] = [];
  for (const name of [ha.angelProc, "IZUFPROC"]) {
    const current = await readMember(env.client, t.datasets.proclib, name);
    if (current.text !== null) {
      seen.push(`${name} present`);
      continue;
    }
    const sourceName = name === ha.angelProc ? "IZUANG1" : name;
    const source = await readMember(env.client, t.datasets.procSource, sourceName);
    if (source.text === null) {
      throw new HaError(
        `${name} is not in ${t.datasets.proclib} and ${t.datasets.procSource}(${sourceName}) does not exist to copy it from.`,
        { failureClass: "invalid-input" },
      );
    }
    assertJesReadable(source.text, `${t.datasets.procSource}(${sourceName})`);
    seen.push(`${name} missing`);
    writes.push({ member: name, current, text: source.text });
  }
  return procStep(spec, undefined, `${t.datasets.proclib}: ${seen.join(", ")}`, writes);
}

function procStep(spec: StepSpec, system: string | undefined, observed: string, writes: readonly ProcWrite[]): PlannedStep {
  const { env } = spec;
  const proclib = env.topology.datasets.proclib;
  const changes: Change[] = writes.map((w) => ({
    kind: "member",
    dsn: proclib,
    member: w.member,
    action: w.current.text === null ? "create" : "update",
    diff: unifiedDiff(`${proclib}(${w.member})`, w.current.text, w.text),
  }));
  return makeStep(spec, {
    title: spec.workflow.step(spec.stepId).title,
    ...(system ? { system } : {}),
    observed,
    changes,
    apply: async (ctx: ApplyContext) => {
      for (const w of writes) {
        await safeWriteMember({
          client: env.client,
          ctx,
          stepId: spec.id,
          runToken: env.runToken,
          dsn: proclib,
          member: w.member,
          observed: w.current,
          text: w.text,
          backupDsn: env.topology.datasets.backup,
        });
      }
      return { state: "changed", notes: writes.map((w) => `${proclib}(${w.member}) written`) };
    },
  });
}
