/**
 * `V TCPIP,[proc],O[BEYFILE],[DSN=]ds(mem)`, `V TCPIP,[proc],CMD=OBEYFILE,DSN=…` and
 * `V TCPIP,[proc],SYNTAXCHECK,[DSN=]…` (§5.2). The data set is read from state.datasets.
 * `V TCPIP,[proc],SYSplex,QUIesce|RESUME,…` is tcpip/quiesce.ts.
 */
import type { EmulatorState } from "../state";
import { msg } from "../tcpip/forms";
import { obeyFile, syntaxCheck } from "../tcpip/obey";
import { abbreviates, varySysplex } from "../tcpip/quiesce";
import { keywordOperands, splitOperands } from "./operands";
import type { Ctx } from "./start-stop";

function isObey(word: string): boolean {
  return word.length >= 1 && "OBEYFILE".startsWith(word);
}

export function varyCommand(state: EmulatorState, ctx: Ctx, operand: string): string[] {
  const ops = splitOperands(operand);
  if ((ops[0] ?? "").toUpperCase() !== "TCPIP") return [msg.commandInvalid("VARY")];
  const sys = state.systems[ctx.system];
  const proc = (ops[1] ?? "").toUpperCase();
  if (proc && proc !== sys.tcpip.proc.toUpperCase()) return [msg.stackNotFound(proc)];
  const echo = `VARY ${operand.trim().toUpperCase()}`;
  if (abbreviates(ops[2] ?? "", "SYSPLEX", 3)) return varySysplex(state, sys.name, echo, ops.slice(3), ctx.now);
  const { positional, keywords } = keywordOperands(ops.slice(2));
  const action = (keywords.CMD ?? positional.shift() ?? "").toUpperCase();
  const dsn = keywords.DSN ?? positional[0];
  if (!dsn) return [msg.processing(echo), msg.obeyFailed("", "DATA SET NAME REQUIRED")];
  if (isObey(action)) return obeyFile(state, sys.name, echo, dsn, ctx.now);
  if (action === "SYNTAXCHECK") return syntaxCheck(state, echo, dsn);
  return [msg.commandInvalid("VARY")];
}
