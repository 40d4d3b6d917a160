/**
 * Everything a request handler may touch. `state` is replaced whole by the control API,
 * so handlers read it from here on every request and never keep their own reference.
 */
import type { Clock } from "../clock";
import type { Faults } from "../faults";
import type { Program } from "../jes/types";
import type { EmulatorState } from "../state";
import type { DistributorPolicy } from "../tcpip/notice";
import type { RequestLog } from "./request-log";

export interface JobTiming {
  /** How long a job stays INPUT, in emulated ms. */
  inputMs: number;
  /** How long it stays ACTIVE. */
  activeMs: number;
}

export interface CoreOptions {
  systems: string[];
  sysplexName: string;
  seed: number;
  user: string;
  password: string;
  jobTiming: JobTiming;
  /** Which requests must carry X-CSRF-ZOSMF-HEADER. */
  csrf: "non-get" | "all" | "off";
  /** Console response lines returned by the PUT before the rest goes to follow-ups. */
  consolePieceLines: number;
}

export interface EmulatorContext {
  state: EmulatorState;
  readonly options: CoreOptions;
  readonly clock: Clock;
  readonly faults: Faults;
  readonly log: RequestLog;
  readonly programs: Record<string, Program>;
  readonly operator: OperatorModel;
  /** Login tokens issued by POST /zosmf/services/authenticate: token → user. */
  readonly sessions: Map<string, string>;
  /** Called after a request that may have changed DVIPA distributions or system status. */
  onStateChanged(): void;
  /** How long the sysplex distributor takes to notice a target change (StartOptions.distribution; POST /__emulator/distribution). */
  readonly distribution: { noticeMs: number };
  /** How long a started task takes to end after `P` (StartOptions.stopMs). */
  readonly stopMs: number;
}

/** The console a command came through and the emulated time it arrived. */
export interface CommandContext {
  system: string;
  consoleName: string;
  /** Emulated ms since start. */
  now: number;
  nowIso: string;
  /** The distributor's notice delay and takeover faults; absent = immediate, no fault. */
  distributor?: DistributorPolicy;
  /** How long (emulated ms) a stopped task takes to end after `P`; absent = at once. */
  stopMs?: number;
}

/**
 * The operator and TCP/IP model as the HTTP core calls it (emulator/operator/index.ts).
 * A test may swap in a fixed operator; it then sets `routesCommands` false and the
 * console core routes RO itself.
 */
export interface OperatorModel {
  issueCommand: (state: EmulatorState, ctx: CommandContext, cmd: string) => { lines: string[] };
  setSystemUp: (state: EmulatorState, name: string, up: boolean, now: number) => void;
  /** The system whose server answers a connection to address:port, or null (connection reset). */
  resolveDvipa: (state: EmulatorState, address: string, port: number, at?: { now: number; policy: DistributorPolicy }) => string | null;
  /** Whether a connection to address:port already on `system` would still be sent there (absent: compare resolveDvipa). */
  stillRoutes?: (
    state: EmulatorState,
    address: string,
    port: number,
    system: string,
    at?: { now: number; policy: DistributorPolicy },
  ) => boolean;
  /** issueCommand handles RO and RO *ALL itself. */
  routesCommands: boolean;
}

/** Which listener a request came through, and the system it stands for. */
export interface RequestOrigin {
  listener: "main" | "system" | "dvipa";
  /** The system whose z/OSMF answers this request. */
  system: string;
  /** Base URL (scheme://host:port) the client used, for the url fields of documents. */
  baseUrl: string;
  port: number;
}

/** The authenticated caller and where the request came from. */
export interface RequestScope {
  ctx: EmulatorContext;
  origin: RequestOrigin;
  user: string;
}
