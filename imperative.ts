import type { IImperativeConfig } from "@zowe/imperative";
import { DrillDefinition } from "./commands/drill/Drill.definition";
import { GraphDefinition } from "./commands/graph/Graph.definition";
import { DiscoverDefinition } from "./commands/discover/Discover.definition";
import { InitDefinition } from "./commands/init/Init.definition";
import { ProvisionDefinition } from "./commands/provision/Provision.definition";
import { RollbackDefinition } from "./commands/rollback/Rollback.definition";
import { UnlockDefinition } from "./commands/unlock/Unlock.definition";
import { RunsDefinition } from "./commands/runs/Runs.definition";
import { VerifyDefinition } from "./commands/verify/Verify.definition";

const config: IImperativeConfig = {
  name: "ha",
  productDisplayName: "zowe-ha",
  rootCommandDescription:
    "Provision and verify high availability on a z/OS sysplex through z/OSMF: z/OSMF hot standby behind a " +
    "Sysplex Distributor DVIPA, the Zowe Caching Service for HA, TCP/IP port sharing and distributed services, " +
    "all described by one topology file.",
  pluginSummary: "Provision and verify z/OS sysplex high availability from one topology file",
  definitions: [
    InitDefinition,
    DiscoverDefinition,
    ProvisionDefinition,
    VerifyDefinition,
    RollbackDefinition,
    UnlockDefinition,
    RunsDefinition,
    DrillDefinition,
    GraphDefinition,
  ],
};

export = config;
