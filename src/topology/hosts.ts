import type { PathSegment } from "./problems";
import { composeMessage, pathString, type TopologyProblem } from "./problems";
import type { Connection, Topology } from "./schema";

/** The command-line flag that lets topology hosts receive the command's credentials. */
export const TRUST_HOSTS_FLAG = "--trust-topology-hosts";

/** The same host name, ignoring case and a trailing root dot. */
export const sameHost = (a: string, b: string): boolean => a.replace(/\.$/, "").toLowerCase() === b.replace(/\.$/, "").toLowerCase();

/**
 * A `{ host }` connection is sent the command's own user and password (or token or
 * certificate). A topology file is shared and edited by many, so it may only name the
 * host the user already sends them to; any other host needs the user's own word on the
 * command line. `{ profile }` connections carry their own credentials and are fine.
 */
export function untrustedHosts(t: Topology, ownHost: string): TopologyProblem[] {
  const entries: [PathSegment[], Connection | undefined][] = t.systems.map((s, i) => [["systems", i, "connection"], s.connection]);
  entries.push([["zosmfHa", "connection"], t.zosmfHa?.connection]);
  const problems: TopologyProblem[] = [];
  for (const [at, c] of entries) {
    if (c?.host === undefined || sameHost(c.host, ownHost)) continue;
    const allowed = `${ownHost} (this command's own host), a { profile } connection, or ${TRUST_HOSTS_FLAG} on the command line to send this command's credentials to the hosts the topology names`;
    problems.push({
      path: pathString([...at, "host"]),
      message: composeMessage("would receive this command's credentials, but it is not the command's own host", c.host, allowed),
      given: c.host,
      allowed,
    });
  }
  return problems;
}
