import type { CheckModule } from "../../types";
import { netstatRead } from "../netstat";
import { distributionChecks } from "./distribution";
import { dynamicXcfChecks, oneActiveCheck, roleChecks } from "./dvipa";
import { buildView, tcpipSystems } from "./stacks";
import { vdptChecks } from "./vdpt";
import { dvipaRead, endToEndCheck } from "./end-to-end";

/*
 * z/OSMF hot standby as the TCP/IP stacks see it: every stack in the sysplex group, the
 * DVIPA owned by exactly one stack, the distribution defined as the topology says, and in
 * the distributing stack's VDPT one Active target with a ready standby behind it.
 */

export const zosmfHaChecks: CheckModule = {
  name: "zosmf-ha",
  applies: (t) => t.zosmfHa !== undefined,
  systemReads(t, system) {
    if (!tcpipSystems(t).some((s) => s.name === system.name)) return [];
    const ha = t.zosmfHa!;
    // Only a stack that distributes, or may take over distributing, has a VDPT worth reading.
    const mayDistribute = system.name === ha.distributor || system.name === ha.distributorBackup;
    return [netstatRead(system, "VIPADCFG"), ...(mayDistribute ? [netstatRead(system, "VDPT")] : []), netstatRead(system, "VIPADYN")];
  },
  sysplexReads: dvipaRead,
  judge(snapshot) {
    const view = buildView(snapshot);
    return [
      ...dynamicXcfChecks(view),
      ...roleChecks(view),
      oneActiveCheck(view),
      ...distributionChecks(view),
      ...vdptChecks(view),
      ...endToEndCheck(view),
    ];
  },
};
