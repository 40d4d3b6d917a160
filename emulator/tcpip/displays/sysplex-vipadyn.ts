/** D TCPIP,,SYSPLEX,VIPADYN (§5.6 sysplex-wide view; header and layout INF, EZZ8269I DOC). */
import type { EmulatorState, SystemState } from "../../state";
import { activeDistributions, distributedTo } from "../distribution";
import { msg } from "../forms";
import { dvipaOwner, inSysplexGroup, systems } from "../sysplex";
import { continuation, nextSeq, vipaLinkName } from "./frame";

export function sysplexVipadyn(state: EmulatorState, sys: SystemState, opts: { ipaddr?: string; max?: number }): string[] {
  if (!inSysplexGroup(sys)) return [msg.sysplexNotMember(sys.tcpip.proc, sys.name)];
  const members = systems(state).filter(inSysplexGroup);
  const addresses = new Set<string>();
  for (const s of members) {
    for (const d of s.tcpip.vipaDefine) addresses.add(d.address);
    for (const b of s.tcpip.vipaBackup) addresses.add(b.address);
  }
  const body: string[] = [`VIPA DYNAMIC DISPLAY FROM ${sys.tcpip.proc.padEnd(8)} AT ${sys.name}`];
  let rows = 0;
  let shown = 0;
  for (const address of [...addresses].sort()) {
    if (opts.ipaddr && opts.ipaddr !== address) continue;
    const owner = dvipaOwner(state, address);
    const origin = owner?.tcpip.vipaDefine.some((d) => d.address === address) ? "VIPADEFINE" : "VIPABACKUP";
    body.push(
      `IPADDR: ${address}  LINKNAME: ${vipaLinkName(address)}`,
      `  ORIGIN: ${origin}`,
      "  TCPNAME  MVSNAME  STATUS RANK DIST",
      "  -------- -------- ------ ---- ----",
    );
    for (const s of members) {
      const bak = s.tcpip.vipaBackup.find((b) => b.address === address);
      const def = s.tcpip.vipaDefine.some((d) => d.address === address);
      const dest = distributedTo(state, s, address);
      if (!bak && !def && !dest && s !== owner) continue;
      const dist = activeDistributions(state).some((a) => a.owner === s && a.dist.dvipa === address);
      const status = s === owner ? "ACTIVE" : bak || def ? "BACKUP" : "ACTIVE";
      const rank = s !== owner && bak ? String(bak.rank).padStart(3, "0") : "";
      const distCol = dist && dest ? "BOTH" : dist ? "DIST" : dest ? "DEST" : "";
      rows++;
      if (opts.max === undefined || shown < opts.max) {
        shown++;
        body.push(`  ${s.tcpip.proc.padEnd(8)} ${s.name.padEnd(8)} ${status.padEnd(6)} ${rank.padEnd(4)} ${distCol}`.trimEnd());
      }
    }
  }
  return [
    msg.sysplexHeader(nextSeq(state)),
    ...body.map((l) => continuation(l.toUpperCase())),
    continuation(`${shown} OF ${rows} RECORDS DISPLAYED`),
  ];
}
