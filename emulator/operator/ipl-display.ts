/**
 * `D PARMLIB` (IEE251I) and `D IPLINFO` (IEE254I): the logical PARMLIB concatenation and what
 * the system IPLed with (DOC: MVS System Commands, "Displaying PARMLIB information" and
 * "Displaying IPL information"; the IEE254I first lines as zosmf-facts §3.3 records them).
 * Column layout of the bodies is INF. The emulator has no LOADxx: its concatenation is
 * state.parmlibs with no volume given, listed as SYS1.PARMLIB is when LOADxx names none (flag D,
 * INF), and the IEASYS LIST is the IPL record's SYSPARM suffixes.
 */
import type { EmulatorState } from "../state";
import { continuation, dateTime, nextSeq, timeOfDay } from "../tcpip/displays/frame";
import { msg } from "../tcpip/forms";
import { iplRecord } from "./ipl";
import type { Ctx } from "./start-stop";

export function displayParmlib(state: EmulatorState, ctx: Ctx, ops: string[]): string[] {
  if (ops.length > 0) return [msg.commandInvalid("DISPLAY")];
  const lines = [
    `IEE251I ${timeOfDay(ctx.now)} PARMLIB DISPLAY ${nextSeq(state)}`,
    continuation("PARMLIB DATA SETS SPECIFIED"),
    continuation("AT IPL"),
    continuation("ENTRY  FLAGS  VOLUME  DATA SET"),
  ];
  state.parmlibs.forEach((dsn, i) => {
    const volser = state.datasets[dsn]?.volser ?? "******";
    lines.push(continuation(`${String(i + 1).padStart(3)}      D    ${volser.padEnd(6)}  ${dsn}`));
  });
  return lines;
}

export function displayIplinfo(state: EmulatorState, ctx: Ctx, ops: string[]): string[] {
  if (ops.length > 0) return [msg.commandInvalid("DISPLAY")];
  const record = iplRecord(state.systems[ctx.system]);
  const [date, time] = dateTime(0).split(" ");
  return [
    `IEE254I  ${timeOfDay(ctx.now)} IPLINFO DISPLAY ${nextSeq(state)}`,
    continuation(`SYSTEM IPLED AT ${time!.replaceAll(":", ".")} ON ${date}`),
    continuation("RELEASE z/OS 03.01.00    LICENSE = z/OS"),
    continuation(`IEASYS LIST = (${record.ieasys.join(",")})`),
  ];
}
