import type { ApplyContext } from "../../../engine/types";
import { HaError } from "../../../errors";
import { parseObeyResponse, type ObeyResponse } from "../../../parsers";
import type { ZosmfClient } from "../../../zosmf";
import { commandOperand, issueCommand } from "../console";

/** Topology fields a refused operand is named by. */
export interface ObeyFields {
  readonly proc: string;
  readonly target: string;
}

const GENERIC_FIELDS: ObeyFields = { proc: "the TCP/IP procedure name", target: "the obey member" };

/** OBEYFILE and SYNTAXCHECK end with one of these. */
function obeyComplete(text: string): boolean {
  return /\b(EZZ0053I|EZZ0059I|EZZ0064I|EZZ0065I)\b/.test(text);
}

export interface ObeyApply {
  readonly client: ZosmfClient;
  readonly system: string;
  readonly proc: string;
  /** The obey member, `DSN(MEMBER)`. */
  readonly target: string;
  readonly delayMs: number;
  readonly record: { readonly ctx: ApplyContext; readonly stepId: string };
  readonly fields?: ObeyFields;
}

/** The two commands for an obey member; the operands are checked, since a comma or blank in either would change the command. */
export function obeyCommands(proc: string, target: string, fields: ObeyFields = GENERIC_FIELDS): { syntaxCheck: string; obey: string } {
  const p = commandOperand(proc, "name", fields.proc);
  const dsn = commandOperand(target, "dataset-member", fields.target);
  return { syntaxCheck: `V TCPIP,${p},SYNTAXCHECK,DSN=${dsn}`, obey: `V TCPIP,${p},OBEYFILE,DSN=${dsn}` };
}

/**
 * SYNTAXCHECK first (EZZ0064I stops here, nothing applied), then OBEYFILE, which must
 * end EZZ0053I with no statement-error message: TCP/IP prints EZZ0053I even when it
 * ignored a statement, so completion alone proves nothing.
 */
export async function applyObeyMember(o: ObeyApply): Promise<void> {
  const { syntaxCheck, obey } = obeyCommands(o.proc, o.target, o.fields);
  const checked = await run(o, syntaxCheck, "SYNTAXCHECK");
  if (checked.syntaxErrors || checked.statementErrors.length || checked.failed || !checked.completed) {
    throw obeyFailure(`SYNTAXCHECK of ${o.target} on ${o.system} found errors; OBEYFILE was not issued.`, checked);
  }
  const applied = await run(o, obey, "OBEYFILE");
  if (!applied.completed || applied.statementErrors.length || applied.failed || applied.rejection) {
    throw obeyFailure(`OBEYFILE of ${o.target} on ${o.system} did not apply cleanly.`, applied);
  }
}

async function run(o: ObeyApply, command: string, kind: "OBEYFILE" | "SYNTAXCHECK"): Promise<ObeyResponse> {
  const response = await issueCommand({
    client: o.client,
    system: o.system,
    command,
    delayMs: o.delayMs,
    isComplete: obeyComplete,
    record: o.record,
  });
  return parseObeyResponse(response.text, kind);
}

function obeyFailure(message: string, r: ObeyResponse): HaError {
  const lines = [...r.statementErrors, ...(r.rejection ? [r.rejection] : [])].map((m) => `${m.id} ${m.text}`);
  const all = r.messages.map((m) => `${m.id} ${m.text}`);
  return new HaError(message, {
    failureClass: "zos-failure",
    details: lines.length ? [...lines, ...all.filter((l) => !lines.includes(l))] : all.length ? all : r.otherLines,
  });
}
