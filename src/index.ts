/**
 * The engine as a library, for tools other than the Zowe CLI: the same calls the `zowe ha`
 * commands make, with progress and diagnostics through sinks instead of a terminal.
 */
export { provision, type ProvisionOptions, type ProvisionResult } from "./run/provision";
export { rollback, type RollbackOptions, type RollbackResult } from "./run/rollback";
export { unlock, type UnlockOptions, type UnlockResult } from "./run/unlock";
export { readLock, type LockHolder, type LockState } from "./run/sysplex-lock";
export { verify, type VerifyOptions, type VerifyResult } from "./run/verify";
export { drill, type DrillOptions, type DrillResult } from "./drill";
export {
  runDiscover as discover,
  type DiscoverRunOptions as DiscoverOptions,
  type DiscoverRunResult as DiscoverResult,
} from "./run/discover";
export type { DraftTodo } from "./discover";
export { graphTopology, GRAPH_FORMATS, type GraphFormat, type GraphOptions, type GraphResult } from "./graph";
export type { RunOptions, RunResult } from "./run/apply-run";
export type { RunSummary } from "./run/summary";
export { failureClassOf, pendingOutcome, verifyFailure, type FailOn } from "./run/exit-policy";
export { readPlanFile, type SavedPlan } from "./engine/plan-file";
export { countChanges, describeCounts, type ChangeCounts } from "./report/plan-summary";
export { parseTopology, loadTopology, TopologyError, type ParseOptions, type Topology, type TopologyProblem } from "./topology";
export type { Check, Verdict, VerifySummary } from "./verify";
export type { Change, EngineEvent, LogSink, ObservedRead, ProgressSink, StepOutcome, StepPlan } from "./engine/types";
export type { SentEntry } from "./engine/sent";
export type { RunRecordData } from "./engine/run-record";
export { EXIT_CODES, exitCodeFor, HaError, type FailureClass } from "./errors";
export type { ZosmfConnection } from "./zosmf";
