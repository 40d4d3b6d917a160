import { readFileSync, writeFileSync } from "node:fs";
import type { Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import { withoutPersistence } from "../../example-topology";
import { startPlex, type Plex } from "../rollback/helpers";

/** A profile as a site keeps it: comments, text in columns 73-80, a nested INCLUDE, its own VIPADYNAMIC, STARTs last. */
export const PROFILE = [
  "; TCP/IP profile of SYSA                                                00000100",
  "TCPCONFIG RESTRICTLOWPORTS ; low ports for APF programs only            00000200",
  "INCLUDE SYS1.TCPPARMS(PORTSA)                                           00000300",
  "DEVICE OSA1 MPCIPA                                                      00000400",
  "LINK OSA1L IPAQENET OSA1                                                00000500",
  "HOME 10.1.1.1 OSA1L                                                     00000600",
  "VIPADYNAMIC                                                             00000700",
  "  VIPARANGE DEFINE 255.255.255.0 10.9.9.0                               00000800",
  "ENDVIPADYNAMIC                                                          00000900",
  "START OSA1                                                              00001000",
].join("\n");

export const tcpparms = (e: Emulator) => e.state.datasets["SYS1.TCPPARMS"] as PdsDataset;

/** SYSA's profile as PROFILE (over the seeded one) and the member it INCLUDEs. */
export function putSysaProfile(e: Emulator): void {
  tcpparms(e).members.PROFSA = { content: PROFILE, etag: "PROFSA-1", user: "SYSPROG", changed: "2024-01-01T00:00:00Z" };
  tcpparms(e).members.PORTSA = { content: "PORT 23 TCP TN3270", etag: "PORTSA-1", user: "SYSPROG", changed: "2024-01-01T00:00:00Z" };
}

/** The plex with SYSA's profile member (and the member it INCLUDEs); the topology names SYSA's IPL-time members and none of SYSB's. */
export async function plexWithProfile(): Promise<Plex> {
  const plex = await startPlex();
  putSysaProfile(plex.emu);
  writeFileSync(plex.topologyFile, withoutPersistence(readFileSync(plex.topologyFile, "utf8"), { systems: ["SYSB"] }));
  return plex;
}
