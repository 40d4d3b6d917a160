import type { CheckModule } from "../types";
import { cachingChecks } from "./caching";
import { distributedServicesChecks } from "./distributed-services";
import { portSharingChecks } from "./port-sharing";
import { reachabilityChecks } from "./reachability";
import { systemChecks } from "./systems";
import { zosmfHaChecks } from "./zosmf-ha";
import { zosmfConfigChecks } from "./zosmf-config";

/** Every family of checks verify runs, in report order. */
export const CHECK_MODULES: readonly CheckModule[] = [
  systemChecks,
  reachabilityChecks,
  zosmfConfigChecks,
  zosmfHaChecks,
  cachingChecks,
  portSharingChecks,
  distributedServicesChecks,
];
