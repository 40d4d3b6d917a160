/**
 * Everything a request handler may touch. `state` is replaced whole by the control API,
 * so handlers read it from here on every request and never keep their own reference.
 */
import type { Clock } from "../clock";
import type { Faults } from "../faults";
import type { RunIdcamsStatements } from "../files/idcams-bridge";
import type { Program } from "../jes/types";
import type { EmulatorState } from "../state";
import type { OperatorBridge } from "../tcpip-bridge";
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
  readonly operator: OperatorBridge;
  readonly idcams: RunIdcamsStatements;
  /** Login tokens issued by POST /zosmf/services/authenticate: token → user. */
  readonly sessions: Map<string, string>;
  /** Called after a request that may have changed DVIPA distributions or system status. */
  onStateChanged(): void;
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
