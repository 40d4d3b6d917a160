/**
 * The displays that show what a system shares with the sysplex, for the prerequisites of
 * z/OSMF high availability (a shared RACF database, a JES2 MAS, a shared file system, an
 * EMCS console that answers):
 *
 *   RVARY LIST   ICH15013I, the RACF data sets in use, then ICH15020I (DOC: RACF Messages and
 *                Codes, RVARY command messages; the column layout is INF)
 *   $D MEMBER    $HASP673 per member of the MAS with NAME=, STATUS= and SYSNAME= (DOC: JES2
 *                Commands, "$D MEMBer"; status values from "$T MEMBer"; layout INF)
 *   D OMVS,O     BPXO043I with the current BPXPRMxx settings, SYSPLEX among them (DOC: MVS
 *                System Commands, DISPLAY OMVS; BPXPRMxx SYSPLEX(YES); layout INF)
 *   D T          IEE136I local and UTC time (DOC: MVS System Messages; a harmless display)
 */
import type { EmulatorState, SystemState, SysplexShare } from "../state";
import { continuation, nextSeq, timeOfDay } from "../tcpip/displays/frame";
import { EMULATED_EPOCH, msg } from "../tcpip/forms";

/** The healthy share every seeded system has: one RACF database, one MAS, SYSPLEX(YES). */
export function healthyShare(system: string): SysplexShare {
  return {
    racf: { primary: { dsn: "SYS1.RACF.PRIMARY", volser: "RACF01" }, backup: { dsn: "SYS1.RACF.BACKUP", volser: "RACF02" } },
    jes2: { mas: "PLEX1", member: system.slice(0, 4) },
    omvsSysplex: true,
  };
}

export function shareOf(sys: SystemState): SysplexShare {
  return sys.share ?? healthyShare(sys.name);
}

export function rvaryCommand(sys: SystemState, operand: string): string[] {
  if (operand.trim().toUpperCase() !== "LIST") return [msg.commandInvalid("RVARY")];
  const { primary, backup } = shareOf(sys).racf;
  const row = (use: string, d: { dsn: string; volser: string }) => `  YES  ${use}   1 ${d.volser.padEnd(6)}   ${d.dsn}`;
  return [
    "ICH15013I RACF DATABASE STATUS:",
    continuation("ACTIVE USE  NUM VOLUME   DATASET"),
    continuation("------ ---  --- ------   -------"),
    continuation(row("PRIM", primary)),
    continuation(row("BACK", backup)),
    "ICH15020I RVARY COMMAND HAS FINISHED PROCESSING.",
  ];
}

/** `$D MEMBER`, `$DMEMBER`, `$D MEMBER(*)`: every member of this system's MAS. */
export function jes2Display(state: EmulatorState, sys: SystemState, verb: string, operand: string, now: number): string[] {
  const what = `${verb.slice(2)} ${operand}`.replace(/\s+/g, "").toUpperCase();
  if (!/^MEMB(ER?)?(\(\*\))?$/.test(what)) return [msg.commandInvalid(verb)];
  const mas = shareOf(sys).jes2.mas;
  const members = Object.values(state.systems).filter((s) => shareOf(s).jes2.mas === mas);
  return members.flatMap((s, i) => {
    const status = s.up ? "ACTIVE" : "DOWN";
    return [
      `$HASP673 MEMBER(${i + 1})`,
      continuation(`NAME=${shareOf(s).jes2.member},STATUS=${status},IND=NO,`),
      continuation(`TIME=(${julian(now)},${timeOfDay(now).replace(/\./g, ":")}.00),`),
      continuation(`SSNAME=JES2,SYSNAME=${s.name}`),
    ];
  });
}

export function displayOmvs(state: EmulatorState, sys: SystemState, ops: string[], now: number): string[] {
  const what = (ops[0] ?? "").toUpperCase();
  if (what !== "O" && what !== "OPTIONS") return [msg.commandInvalid("DISPLAY")];
  const setting = (name: string, value: string) => `${name.padEnd(16)}= ${value.padStart(10)}`;
  return [
    `BPXO043I ${timeOfDay(now)} DISPLAY OMVS ${nextSeq(state)}`,
    continuation(`OMVS     000E ACTIVE          OMVS=(00,${sys.name.slice(-2)})`),
    continuation("CURRENT UNIX CONFIGURATION SETTINGS:"),
    continuation(setting("MAXPROCSYS", "1000")),
    continuation(setting("MAXPROCUSER", "25")),
    continuation(setting("SYSPLEX", shareOf(sys).omvsSysplex ? "YES" : "NO")),
  ];
}

export function displayTime(now: number): string[] {
  const stamp = `TIME=${timeOfDay(now)} DATE=${julian(now)}`;
  return [`IEE136I LOCAL: ${stamp}  UTC: ${stamp}`];
}

function julian(now: number): string {
  const d = new Date(now < 1e11 ? EMULATED_EPOCH + now : now);
  const day = Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  return `${d.getUTCFullYear()}.${String(day).padStart(3, "0")}`;
}
