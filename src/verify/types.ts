import type { Connection, Topology, TopologySystem } from "../topology";
import type { ZosmfClient, ZosmfInfo } from "../zosmf";

/**
 * `not-applicable`: a check of a system that is down (the outage itself is its own check,
 * system.active), or one the topology gives nothing to check against; its reason says which.
 */
export type Verdict = "healthy" | "degraded" | "failed" | "not-applicable";

/** One judged fact. `id` is stable across runs so a pipeline can track it. */
export interface Check {
  readonly id: string;
  /** The system the fact belongs to; absent for the sysplex as a whole (as in provision's step data). */
  readonly system?: string;
  readonly title: string;
  readonly expected: string;
  readonly found: string;
  readonly verdict: Verdict;
  /** Why the verdict is not healthy; set whenever it is not. */
  readonly reason?: string;
  /** The check could not be run (no answer, credentials refused): an error of verify, not a finding about z/OS. */
  readonly notRun?: boolean;
}

export interface VerifySummary {
  readonly healthy: number;
  readonly degraded: number;
  readonly failed: number;
  readonly notApplicable: number;
  readonly total: number;
}

export interface VerifyResult {
  readonly sysplex: string;
  readonly checks: readonly Check[];
  readonly summary: VerifySummary;
  readonly verdict: Verdict;
  /** Systems that could not be read; null stands for the command's own connection. */
  readonly unreadable: readonly (string | null)[];
  /** Systems known to be down, and how verify learned it. */
  readonly down: readonly DownSystem[];
  readonly durationMs: number;
}

/**
 * The part of the z/OSMF client verify may use. Every file operation here is a GET;
 * console commands are filtered to displays before they leave (see read-system.ts).
 */
export interface VerifyClient {
  info: ZosmfClient["info"];
  files: Pick<ZosmfClient["files"], "read" | "listMounts" | "listDatasets" | "readUss">;
  console: Pick<ZosmfClient["console"], "issue">;
  /** Only `verify --deep` submits, and only the listing job (deep/listing-job.ts). */
  jobs?: Pick<ZosmfClient["jobs"], "submitJcl" | "waitForOutput" | "spoolFiles" | "readSpool">;
}

/**
 * How a read ended. `unreadable`: the tool could not get an answer (network, credentials,
 * timeout); `down`: z/OS said the system is not active; `answer`: z/OS answered no
 * (a member that does not exist, a command it refused).
 */
export type ReadFailureKind = "unreadable" | "down" | "answer";

/** `unanswered`: no HTTP answer at all (connection refused or dropped, timeout): how a system's own endpoint looks when the system is down. */
export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: ReadFailureKind; readonly message: string; readonly unanswered?: boolean };

/** A system that is not up, and the evidence: XCF's list, an IEE618I, or its endpoint not answering. */
export interface DownSystem {
  readonly system: string;
  readonly why: string;
  /** When XCF last saw it, when the display says so. */
  readonly since?: string;
}

/** What one read needs: the system's client, and display commands routed to that system. */
export interface ReadContext {
  readonly topology: Topology;
  /** The system read, or undefined for sysplex-wide reads. */
  readonly system?: TopologySystem;
  client(connection?: Connection): Promise<VerifyClient>;
  /** GET /zosmf/info at https://host:port with no credentials (the end-to-end look through the DVIPA). */
  endpointInfo(host: string, port: number): Promise<ZosmfInfo>;
  /**
   * Issues a display command on the system and returns its text. Only `D ` commands pass.
   * `proof`: says the answer so far is whole (it shows its end, or everything the checks look
   * at), so no follow-up is read; without it, or while it says no, the answer is whole once a
   * follow-up after the console pause brings nothing more.
   */
  display(command: string, proof?: (text: string) => boolean): Promise<string>;
  /** Aborted when the reads' deadline has passed. */
  readonly signal?: AbortSignal;
}

/**
 * A read that is exactly one display's text on the system, so every system can be asked at
 * once with `RO *ALL`. `isWhole`: an answer failing it is not whole (unreadable);
 * `looksWhole`: only says when to stop reading, the answer is kept either way.
 */
export interface RoutedDisplay {
  readonly command: string;
  readonly isWhole?: (text: string) => boolean;
  readonly looksWhole?: (text: string) => boolean;
}

export interface ReadSpec {
  /** Reads with the same key are done once and shared between check modules. */
  readonly key: string;
  /** A read whose failure is itself the finding (is z/OSMF reachable?), not a system left unread. */
  readonly probe?: boolean;
  run(ctx: ReadContext): Promise<unknown>;
  /** Set when `run` is this display alone: verify may then read it for all systems in one routed command. */
  readonly display?: RoutedDisplay;
}

/** Everything read for one system. */
export interface SystemReads {
  readonly system: TopologySystem;
  readonly reads: ReadonlyMap<string, Read<unknown>>;
}

export interface Snapshot {
  readonly topology: Topology;
  readonly systems: ReadonlyMap<string, SystemReads>;
  readonly sysplex: ReadonlyMap<string, Read<unknown>>;
  /** Systems known to be down (filled by the engine before judging). */
  readonly down: ReadonlyMap<string, DownSystem>;
}

/**
 * A family of checks. Adding one (port sharing, distributed services) means writing
 * a module and listing it in checks/index.ts; nothing else changes.
 */
export interface CheckModule {
  readonly name: string;
  applies(topology: Topology): boolean;
  /** Reads needed on one system; called for every system in the topology. */
  systemReads?(topology: Topology, system: TopologySystem): readonly ReadSpec[];
  sysplexReads?(topology: Topology): readonly ReadSpec[];
  judge(snapshot: Snapshot): Check[];
}
