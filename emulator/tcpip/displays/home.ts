/** NETSTAT HOME (§5.3 console sample labels): static home addresses, dynamic XCF, active DVIPAs, loopback. */
import type { SystemState } from "../../state";
import { inSysplexGroup } from "../sysplex";
import { type Report, vipaLinkName } from "./frame";

export function homeReport(sys: SystemState): Report {
  const stack = sys.tcpip;
  const entries: { link: string; address: string }[] = [...stack.homeAddresses.map((h) => ({ link: h.link, address: h.address }))];
  if (stack.dynamicXcf) entries.push({ link: "EZASAMEMVS", address: stack.dynamicXcf.address });
  if (inSysplexGroup(sys)) for (const d of stack.activeDvipas ?? []) entries.push({ link: vipaLinkName(d.address), address: d.address });
  entries.push({ link: "LOOPBACK", address: "127.0.0.1" });
  const records = entries.map((e, i) => [
    `LINKNAME:   ${e.link}`,
    `  ADDRESS:  ${e.address}`,
    `    FLAGS:  ${i === 0 ? "PRIMARY" : ""}`.trimEnd(),
  ]);
  return { heading: ["HOME ADDRESS LIST:"], records, countRecords: true };
}
