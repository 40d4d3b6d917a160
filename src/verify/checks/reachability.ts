import type { Connection, Topology } from "../../topology";
import type { ZosmfInfo } from "../../zosmf";
import type { Check, CheckModule, Read, ReadSpec } from "../types";
import { failed, fromFailedRead, healthy, systemRead, sysplexRead, type CheckHead } from "../verdict";

/*
 * z/OSMF answering /zosmf/info through each way the topology says to reach it: the
 * command's own connection (checked once) and each system's own connection. The DVIPA
 * end to end is judged with the hot-standby checks (zosmf-ha/end-to-end.ts), which know who serves it.
 */

const OWN = "zosmf.info.own";
const SYSTEM = "zosmf.info";

const isOwn = (c: Connection): boolean => c.profile === undefined && c.host === undefined;

export function describeConnection(c: Connection): string {
  if (c.profile !== undefined) return `zosmf profile ${c.profile}`;
  if (c.host !== undefined) return `${c.host}${c.port ? `:${c.port}` : ""}`;
  return "the command's own connection";
}

export function judgeInfo(head: CheckHead, read: Read<ZosmfInfo> | undefined, via: string): Check | undefined {
  if (read === undefined) return undefined;
  if (!read.ok) {
    // An unanswered probe is the finding itself: z/OSMF is not reachable that way.
    // Refused credentials or an unverifiable certificate are verify's own failure to look, not a finding.
    if (read.kind === "unreadable")
      return {
        ...failed(head, "no answer", `z/OSMF did not answer through ${via}: ${read.message}`),
        ...(read.unanswered ? {} : { notRun: true }),
      };
    return fromFailedRead(head, read, `z/OSMF through ${via}`);
  }
  const info = read.value;
  const found = [
    info.zosmf_version ? `z/OSMF ${info.zosmf_full_version ?? info.zosmf_version}` : "z/OSMF",
    info.zosmf_hostname ? `at ${info.zosmf_hostname}${info.zosmf_port ? `:${info.zosmf_port}` : ""}` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return healthy(head, found);
}

export const reachabilityChecks: CheckModule = {
  name: "reachability",
  applies: () => true,
  systemReads(_t, system) {
    if (isOwn(system.connection)) return [];
    return [{ key: SYSTEM, probe: true, run: async (ctx) => (await ctx.client()).info() }];
  },
  sysplexReads(t: Topology) {
    const reads: ReadSpec[] = [];
    if (t.systems.some((s) => isOwn(s.connection)))
      reads.push({ key: OWN, probe: true, run: async (ctx) => (await ctx.client({})).info() });
    return reads;
  },
  judge(snapshot) {
    const t = snapshot.topology;
    const checks: (Check | undefined)[] = [];
    checks.push(
      judgeInfo(
        { id: "zosmf.reachable", title: "z/OSMF reachable through the command's connection", expected: "GET /zosmf/info answers" },
        sysplexRead<ZosmfInfo>(snapshot, OWN),
        "the command's own connection",
      ),
    );
    for (const s of t.systems) {
      checks.push(
        judgeInfo(
          {
            id: "zosmf.reachable",
            system: s.name,
            title: `z/OSMF reachable through ${describeConnection(s.connection)}`,
            expected: "GET /zosmf/info answers",
          },
          systemRead<ZosmfInfo>(snapshot, s.name, SYSTEM),
          describeConnection(s.connection),
        ),
      );
    }
    return checks.filter((c): c is Check => c !== undefined);
  },
};
