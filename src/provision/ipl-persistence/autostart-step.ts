import type { PlannedStep } from "../../engine/types";
import { setIzu } from "../../ipl/ieasys-edit";
import { parseIeasys, suffixParameter } from "../../ipl/ieasys-parse";
import { IplMemberRefusal } from "../../ipl/records";
import { systemField } from "../../templates/topology-fields";
import { systemByName } from "../../topology";
import type { StepSpec } from "../context";
import { readMember } from "../ops/read-current";
import { planMemberEdit } from "./persistence-member";

/**
 * The system's IEASYSxx names its IZUPRMxx in IZU=, so that at IPL the system reads the member
 * and, with AUTOSTART(LOCAL) (the parmlib step writes it), starts the angel and the server.
 */
export async function planAutostart(spec: StepSpec, system: string): Promise<PlannedStep> {
  const t = spec.env.topology;
  const sys = systemByName(t, system);
  const suffix = sys.zosmf!.izuprmSuffix;
  const ieasys = sys.ipl!.ieasys!;
  const member = `IEASYS${ieasys}`;
  const current = await readMember(spec.env.client, t.datasets.parmlib, member);
  const inherited: Inherited = current.text === null ? { suffixes: [] } : await fromIeasys00(spec, ieasys, current.text);
  return planMemberEdit(
    spec,
    {
      system,
      ...("warning" in inherited && inherited.warning ? { warnings: [inherited.warning] } : {}),
      member,
      field: `${systemField(t, system)}.ipl.ieasys`,
      inPlace: `already names IZUPRM${suffix} in IZU=`,
      written: `IZU= names IZUPRM${suffix}; z/OSMF starts at the next IPL of ${system}`,
      edit: (text) => {
        if ("refusal" in inherited) throw inherited.refusal;
        return setIzu(text, suffix, inherited.suffixes);
      },
    },
    current,
  );
}

/**
 * The system reads IEASYS00 before its own member, and a later IZU= replaces an earlier one
 * (DOC: MVS Initialization and Tuning Reference, "Step 2. Determine where to specify system
 * parameters"). A new IZU= therefore keeps what IEASYS00 names; it is read only when needed.
 */
type Inherited = { readonly suffixes: readonly string[]; readonly warning?: string } | { readonly refusal: IplMemberRefusal };

async function fromIeasys00(spec: StepSpec, ieasys: string, text: string): Promise<Inherited> {
  if (ieasys === "00" || suffixParameter(parseIeasys(text), "IZU").state !== "absent") return { suffixes: [] };
  const parmlib = spec.env.topology.datasets.parmlib;
  const zero = await readMember(spec.env.client, parmlib, "IEASYS00");
  // Only datasets.parmlib is read: an IEASYS00 elsewhere in the system's PARMLIB concatenation is not seen.
  if (zero.text === null)
    return {
      suffixes: [],
      warning: `IEASYS00 is not in ${parmlib}; if the system reads one from another library of its PARMLIB concatenation (D PARMLIB) and it names IZU=, the new IZU= in IEASYS${ieasys} replaces that list`,
    };
  const izu = suffixParameter(parseIeasys(zero.text), "IZU");
  if (izu.state === "listed") return { suffixes: izu.suffixes };
  if (izu.state === "absent") return { suffixes: [] };
  return {
    refusal: new IplMemberRefusal(
      `IEASYS00, which the system reads first, cannot be read (${izu.reason}); a new IZU= would replace what it names`,
      izu.lines,
    ),
  };
}
