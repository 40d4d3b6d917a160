import type { CheckModule } from "../types";
import { cachingServiceChecks } from "./caching-service";
import { distributedServicesChecks } from "./distributed-services";
import { gatewayChecks } from "./gateway";
import { persistenceTcpipChecks } from "./persistence-tcpip";
import { persistenceChecks } from "./persistence-members";
import { portSharingChecks } from "./port-sharing";
import { prerequisiteChecks } from "./prerequisites";
import { reachabilityChecks } from "./reachability";
import { serversAlikeChecks } from "./servers-alike";
import { systemChecks } from "./systems";
import { zosmfHaChecks } from "./zosmf-ha";
import { zosmfHaConfigChecks } from "./zosmf-ha/config";

/** Every family of checks verify runs, in report order. */
export const CHECK_MODULES: readonly CheckModule[] = [
  systemChecks,
  reachabilityChecks,
  prerequisiteChecks,
  zosmfHaConfigChecks,
  zosmfHaChecks,
  cachingServiceChecks,
  portSharingChecks,
  distributedServicesChecks,
  gatewayChecks,
  serversAlikeChecks,
  persistenceTcpipChecks,
  persistenceChecks,
];
