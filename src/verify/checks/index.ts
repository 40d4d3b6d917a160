import type { CheckModule } from "../types";
import { cachingChecks } from "./caching";
import { reachabilityChecks } from "./reachability";
import { tcpipChecks } from "./tcpip";
import { zosmfConfigChecks } from "./zosmf-config";

/**
 * Every family of checks verify runs, in report order. Port sharing and distributed
 * services join here as modules of their own (PORTLIST and VDPT reads per entry).
 */
export const CHECK_MODULES: readonly CheckModule[] = [reachabilityChecks, zosmfConfigChecks, tcpipChecks, cachingChecks];
