import type { Check } from "../types";
import { degraded, type CheckHead } from "../verdict";

/*
 * The one wording of the persistence checks (persistence.tcpip, .mounts, .autostart): what runs
 * now but is not written where the system reads it at IPL is degraded, "would be lost at the
 * next IPL", whether a member does not say it or the topology field that names the member is
 * not set. Degraded, not failed: HA serves until that IPL (exit 0 unless --fail-on degraded).
 */

export function lostAtIpl(head: CheckHead, found: string, system: string, why: string): Check {
  return degraded(head, found, `would be lost at the next IPL of ${system}: ${why}`);
}

/** The topology field that names the IPL-time member is not set: nothing brings the set-up back. */
export function fieldNotSet(head: CheckHead, field: string, system: string, consequence: string): Check {
  return lostAtIpl(head, "not set", system, `${field} is not set, so ${consequence}`);
}
