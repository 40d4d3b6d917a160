import type { Topology } from "../../../topology";
import type { ZosmfInfo } from "../../../zosmf";
import type { Check, ReadSpec } from "../../types";
import { sysplexRead } from "../../verdict";
import { describeConnection, judgeInfo } from "../reachability";
import type { View } from "./stacks";
import { servingTarget } from "./vdpt";

/*
 * z/OSMF end to end through the DVIPA, as a user's browser or pipeline reaches it. On unless
 * the topology turns it off. With zosmfHa.connection it goes the way that connection says
 * (credentials under the topology-host rule); otherwise GET /zosmf/info at the DVIPA's host
 * name with no credentials at all, so no flag is needed to let the topology name that host.
 */

const DVIPA = "zosmf.info.dvipa";

function endpointOf(t: Topology): string {
  const ha = t.zosmfHa!;
  return ha.connection !== undefined ? describeConnection(ha.connection) : `https://${ha.hostname}:${ha.port}`;
}

export function dvipaRead(t: Topology): ReadSpec[] {
  const ha = t.zosmfHa;
  if (ha === undefined || !ha.verifyThroughDvipa) return [];
  const via = ha.connection;
  return [
    {
      key: DVIPA,
      probe: true,
      run: async (ctx) => (via !== undefined ? (await ctx.client(via)).info() : ctx.endpointInfo(ha.hostname, ha.port)),
    },
  ];
}

/** Healthy names the system the distributing stack sends the DVIPA to; who answered is what the user gets. */
export function endToEndCheck(view: View): Check[] {
  const { t } = view;
  if (!t.zosmfHa?.verifyThroughDvipa) return [];
  const where = endpointOf(t);
  const head = {
    id: "zosmf.reachable.dvipa",
    title: `z/OSMF reachable end to end through the DVIPA (${where})`,
    expected: "GET /zosmf/info answers",
  };
  const check = judgeInfo(head, sysplexRead<ZosmfInfo>(view.snapshot, DVIPA), `${where} (the DVIPA)`);
  if (check === undefined || check.verdict !== "healthy") return check ? [check] : [];
  const serving = servingTarget(view);
  const by =
    serving !== undefined
      ? `served by ${serving} (Active in the VDPT of ${view.distributing!.system.name})`
      : "serving system not known from the VDPT";
  return [{ ...check, found: `${check.found}; ${by}` }];
}
