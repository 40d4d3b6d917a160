import type { LastRun } from "../engine/run-history";
import type { Topology } from "../topology";
import type { ZosmfClient } from "../zosmf";
import type { LoadedWorkflow } from "./workflow-loader";

/** Everything a step needs while it plans and later applies. */
export interface ProvisionEnv {
  readonly topology: Topology;
  readonly client: ZosmfClient;
  readonly runToken: string;
  /** Owner of the jobs this run submits (the z/OSMF user), for finding a job after a lost answer. */
  readonly owner: string;
  readonly jobTimeoutMs: number;
  /** Pause between console response reads; small in tests. */
  readonly consoleDelayMs: number;
  /** The last successful provision run: a step whose fingerprint it shares was done by it. */
  readonly lastSuccessfulRecord?: LastRun;
  /** Each system's own client (its topology `connection`); absent: `client` for all. */
  readonly clientFor?: (system: string) => ZosmfClient;
  /**
   * The same clients without the plan's notes of what a step read: for reads that only
   * inform a warning (other servers' configuration files), so a saved plan does not go
   * stale when they change.
   */
  readonly unnoted?: Pick<ProvisionEnv, "client" | "clientFor">;
}

/** A workflow's step as one system (or the sysplex) sees it. */
export interface StepSpec {
  readonly env: ProvisionEnv;
  readonly workflow: LoadedWorkflow;
  readonly stepId: string;
  readonly id: string;
  readonly dependsOn: readonly string[];
  /** Steps of the workflows this run planned before this one (after --limit/--only): what this run itself does first. */
  readonly earlier?: ReadonlySet<string>;
}
