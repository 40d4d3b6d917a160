import type { LogSink, ProgressSink } from "../engine/types";
import type { EndpointMap } from "../verify";
import type { RequestEvent, ZosmfConnection, ZosmfInfo } from "../zosmf";

/** How the preferred instance is failed: the distributor's own quiesce, or stopping the server task. */
export const DRILL_METHODS = ["quiesce", "stop"] as const;
export type DrillMethod = (typeof DRILL_METHODS)[number];

/** Between two looks at the VDPT and the DVIPA while a change is awaited: the resolution of every time measured. */
export const DRILL_POLL_INTERVAL_MS = 500;
/**
 * How long the takeover and the switch-back may take. The distributor learns at once that a
 * listener closed or a target was quiesced, so a takeover is a matter of seconds; no stack
 * setting the drill can read bounds it more tightly, so the bound is this constant.
 */
export const DEFAULT_TAKEOVER_TIMEOUT_MS = 60_000;
/** How long a restarted server may take to listen again (z/OSMF starts in minutes). */
export const DEFAULT_RESTORE_TIMEOUT_MS = 600_000;
/** One look at the DVIPA: a probe that hangs longer counts as no answer. */
export const DRILL_PROBE_TIMEOUT_MS = 2_000;

export interface DrillOptions {
  readonly topologyFile: string;
  readonly connection: ZosmfConnection;
  /** `zosmf` (zosmfHa) or the name of a distributed service (the gateway is `gateway`). @default "zosmf" */
  readonly target?: string;
  /** @default "quiesce" */
  readonly method?: DrillMethod;
  /** Show the commands it would issue; send only displays and GETs. @default false */
  readonly dryRun?: boolean;
  /** @default DEFAULT_TAKEOVER_TIMEOUT_MS */
  readonly takeoverTimeoutMs?: number;
  /** @default DEFAULT_RESTORE_TIMEOUT_MS */
  readonly restoreTimeoutMs?: number;
  /** @default DRILL_POLL_INTERVAL_MS */
  readonly pollIntervalMs?: number;
  /** Pause between console response reads. @default 1000 */
  readonly consoleDelayMs?: number;
  readonly trustTopologyHosts?: boolean;
  readonly resolveConnection?: (profile: string) => Promise<ZosmfConnection>;
  /** `host:port` → URL where a DVIPA is served at another address (as in the emulator). */
  readonly endpoints?: EndpointMap;
  /** Reads /zosmf/info at a URL without credentials; tests hand in a fake. @default anonymousInfo */
  readonly readEndpointInfo?: (url: URL) => Promise<ZosmfInfo>;
  readonly sink?: ProgressSink;
  readonly log?: LogSink;
  readonly onRequest?: (event: RequestEvent) => void;
  /** Ctrl-C: the drill stops waiting and restores what it stopped or quiesced. */
  readonly signal?: AbortSignal;
  /**
   * Called with what the operator must run while the failing command may be in effect (just
   * before it is sent), and with [] once the restore is confirmed: a process ended before the
   * drill could restore prints these lines.
   */
  readonly onUndone?: (lines: readonly string[]) => void;
}

/** One command the drill issues (or would issue), routed to one system of the topology. */
export interface DrillCommand {
  readonly system: string;
  readonly command: string;
  readonly purpose: string;
}

export type PhaseVerdict = "passed" | "failed" | "not-reached";

/** One line of the report: what was done or measured, how long it took, and the verdict. */
export interface DrillPhase {
  readonly id: "preflight" | "fail" | "takeover" | "answer" | "outage" | "restore" | "switch-back" | "final-verify";
  readonly title: string;
  readonly verdict: PhaseVerdict;
  /** Milliseconds from the start of its phase (the failing command, or the restore). */
  readonly timeMs?: number;
  readonly detail: string;
}

export type DrillStatus = "planned" | "refused" | "succeeded" | "failed" | "interrupted";

export interface DrillResult {
  readonly sysplex: string;
  readonly target: string;
  readonly method: DrillMethod;
  readonly dryRun: boolean;
  readonly status: DrillStatus;
  /** In order: what the drill sent (or, on a dry run, would send) that changes something. */
  readonly commands: readonly DrillCommand[];
  readonly phases: readonly DrillPhase[];
  /** Restore state: confirmed, not needed (nothing was stopped), or not confirmed (see operatorAction). */
  readonly restored: "confirmed" | "not-needed" | "not-confirmed";
  /** When a restore was not confirmed, or traffic stays on a backup: what the operator must run. */
  readonly operatorAction?: readonly string[];
  /** Why the drill refused or stopped, in words. */
  readonly reasons: readonly string[];
  readonly runId?: string;
  readonly durationMs: number;
}
