/**
 * `D TCPIP,[proc],N[ETSTAT],report[,DETAIL][,IPADDR=][,PORT=][,MAX=]`,
 * `D TCPIP,[proc],SYSPLEX,VIPADYN[,IPADDR=][,MAX=]` (§5.3–5.8), `D A` and `D XCF,S,ALL` (§10.2).
 */
import type { EmulatorState, SystemState } from "../state";
import { connReport } from "../tcpip/displays/conn";
import { continuation, netstatFrame, nextSeq, timeOfDay, type Report } from "../tcpip/displays/frame";
import { homeReport } from "../tcpip/displays/home";
import { portlistReport } from "../tcpip/displays/portlist";
import { sysplexVipadyn } from "../tcpip/displays/sysplex-vipadyn";
import { vdptReport } from "../tcpip/displays/vdpt";
import { vipadcfgReport } from "../tcpip/displays/vipadcfg";
import { vipadynReport } from "../tcpip/displays/vipadyn";
import { globMatch } from "../faults";
import { EMULATED_EPOCH, msg } from "../tcpip/forms";
import { inSysplexGroup } from "../tcpip/sysplex";
import { keywordOperands, splitOperands } from "./operands";
import type { Ctx } from "./start-stop";
import { displayOmvs, displayTime } from "./sysplex-share";
import { displayXcf } from "./xcf";
import { displayIplinfo, displayParmlib } from "./ipl-display";

export function displayCommand(state: EmulatorState, ctx: Ctx, operand: string): string[] {
  const ops = splitOperands(operand);
  const what = (ops[0] ?? "").toUpperCase();
  if (what === "TCPIP") return displayTcpip(state, state.systems[ctx.system], ops.slice(1));
  if (what === "A") return displayActive(state, ctx, ops.slice(1));
  if (what === "XCF") return displayXcf(state, ctx.now, ops.slice(1));
  if (what === "OMVS") return displayOmvs(state, state.systems[ctx.system], ops.slice(1), ctx.now);
  if (what === "T") return displayTime(ctx.now);
  if (what === "PARMLIB" || what === "IPLINFO") return (what === "PARMLIB" ? displayParmlib : displayIplinfo)(state, ctx, ops.slice(1));
  return [msg.commandInvalid("DISPLAY")];
}

function isNetstat(word: string): boolean {
  return word.length >= 1 && "NETSTAT".startsWith(word);
}

function displayTcpip(state: EmulatorState, sys: SystemState, ops: string[]): string[] {
  const proc = (ops[0] ?? "").toUpperCase();
  if (proc && proc !== sys.tcpip.proc.toUpperCase()) return [msg.stackNotFound(proc)];
  const { positional, keywords } = keywordOperands(ops.slice(1).map((o) => o.toUpperCase()));
  const [kind, report, ...modifiers] = positional;
  const max = keywords.MAX !== undefined ? Number(keywords.MAX) : undefined;
  const port = keywords.PORT !== undefined ? Number(keywords.PORT) : undefined;
  const ipaddr = keywords.IPADDR;
  const detail = modifiers.includes("DETAIL");

  if (kind === "SYSPLEX") {
    if (report !== "VIPADYN") return [msg.badDisplay(`SYSPLEX,${report ?? ""}`)];
    return sysplexVipadyn(state, sys, { ipaddr, max });
  }
  if (!kind || !isNetstat(kind)) return [msg.badDisplay(kind ?? "")];

  const stack = sys.tcpip;
  let r: Report;
  const before: string[] = [];
  switch (report) {
    case "VIPADCFG":
      if (!inSysplexGroup(sys)) before.push(msg.notSysplexMember(stack.proc, sys.name), msg.dvipaConfigInactive());
      r = vipadcfgReport(state, sys, { detail, ipaddr });
      break;
    case "VDPT":
      r = vdptReport(state, sys, { detail, ipaddr, port });
      break;
    case "VIPADYN":
      r = vipadynReport(state, sys, { ipaddr });
      break;
    case "PORTLIST":
      r = portlistReport(stack, { port });
      break;
    case "HOME":
      r = homeReport(sys);
      break;
    case "CONN":
    case "ALLCONN":
    case "ALLC":
      r = connReport(stack, { port });
      break;
    default:
      return [msg.badDisplay(report ?? "")];
  }
  if (max !== undefined && Number.isInteger(max)) r.max = max;
  return [...before, ...netstatFrame(state, stack.proc, r)];
}

/**
 * `D A,L` / `D A,jobname` (§10.2, DOC: IEE115I): the activity summary, then one entry per
 * matching address space with its job, step and procstep names; `jobname NOT FOUND` when
 * nothing matches. A task that ended is no longer an address space, so it is not listed.
 * Column spacing and the fields after the names are INF.
 */
function displayActive(state: EmulatorState, ctx: Ctx, ops: string[]): string[] {
  const sys = state.systems[ctx.system];
  const filter = (ops[0] ?? "L").toUpperCase();
  const all = filter === "L" || filter === "ALL";
  const tasks = Object.values(sys.tasks).filter((t) => all || globMatch(filter, t.jobName));
  const lines = [
    `IEE115I ${timeOfDay(ctx.now)} ${julianDate(ctx.now)} ACTIVITY ${nextSeq(state)}`,
    continuation(" JOBS     M/S    TS USERS    SYSAS    INITS   ACTIVE/MAX VTAM     OAS"),
    continuation(
      `${count(0)}    ${count(Object.keys(sys.tasks).length)}    ${count(0)}      ${count(0)}    ${count(0)}    ${count(0)}/${count(0)}       ${count(0)}`,
    ),
  ];
  for (const t of tasks) {
    lines.push(continuation(`${t.jobName.padEnd(8)} ${t.proc.padEnd(8)} ${(t.procStep ?? t.proc).padEnd(8)}  NSW  SO  WUID=${t.jobid}`));
  }
  if (!all && tasks.length === 0) lines.push(continuation(`${filter} NOT FOUND`));
  return lines;
}

const count = (n: number) => String(n).padStart(5, "0");

function julianDate(now: number): string {
  const d = new Date(now < 1e11 ? EMULATED_EPOCH + now : now);
  const day = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return `${d.getUTCFullYear()}.${String(day).padStart(3, "0")}`;
}
