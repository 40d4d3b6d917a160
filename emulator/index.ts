/**
 * The z/OSMF sysplex emulator: `start()` seeds a sysplex, opens the listeners and returns
 * what a client needs (URLs, CA file, credentials) plus live access for tests.
 */
import { Clock } from "./clock";
import { Faults, type FaultConfig } from "./faults";
import type { CoreOptions, EmulatorContext, JobTiming, OperatorModel } from "./http/context";
import { emptyLog, type RequestLog } from "./http/request-log";
import { programRegistry } from "./jes/program-registry";
import type { Program } from "./jes/types";
import { dvipaStillRoutes, issueCommand, resolveDvipa, setSystemUp } from "./operator/index";
import { seedState } from "./seed";
import { ListenerSet } from "./server";
import type { EmulatorState } from "./state";
import { defaultCaDir, ensureTlsMaterial } from "./tls";
import { defaultConsolePieceLines } from "./zosmf-forms";

export interface StartOptions {
  systems?: string[];
  sysplexName?: string;
  seed?: number;
  /** HTTPS with the emulator's own CA (default true). */
  tls?: boolean;
  /** Main listener port; 0 = a free port. */
  port?: number;
  perSystemListeners?: boolean;
  dvipaListeners?: boolean;
  jobTiming?: Partial<JobTiming>;
  latencyMs?: number;
  user?: string;
  password?: string;
  caDir?: string;
  /** Which requests must carry X-CSRF-ZOSMF-HEADER (default: all but GET, as the facts recommend). */
  csrf?: CoreOptions["csrf"];
  /** Console response lines in the PUT answer before the rest goes to follow-ups (default 12). */
  consolePieceLines?: number;
  /** Start with the emulated clock frozen; advance it with POST /__emulator/clock. */
  manualClock?: boolean;
  /** Faults active from the start. */
  faults?: Partial<FaultConfig>;
  /** Extra programs for job steps, by PGM name (tests register stubs here). */
  programs?: Record<string, Program>;
  /**
   * The sysplex distributor: `noticeMs` is how long (emulated ms) it takes to notice that a
   * target became unavailable or available again (default 0: at once). Change it later with
   * POST /__emulator/distribution.
   */
  distribution?: { noticeMs?: number };
  /**
   * How long (emulated ms) a started task takes to end after `P` (default 0: at once). INF: z/OS ends
   * the address space once the program's own shutdown is done; no figure is documented, and
   * until then `D A` still lists it while its listeners are already closed.
   */
  stopMs?: number;
}

export interface Emulator {
  /** The main z/OSMF (what a user's zosmf profile points at). */
  url: string;
  /** Each system's own z/OSMF, when perSystemListeners is on. */
  systemUrls: Record<string, string>;
  /** "dvipa:port" → local URL standing for it, when dvipaListeners is on (grows as distributions appear). */
  dvipaUrls: Record<string, string>;
  /** PEM file of the CA that signed the server certificate (empty with tls:false). */
  caFile: string;
  user: string;
  password: string;
  /** The live state (replaced whole by PUT /__emulator/state; always read through this getter). */
  readonly state: EmulatorState;
  readonly requestLog: RequestLog;
  /** The emulator's parts, for tests: clock, faults, program registry. */
  readonly context: EmulatorContext;
  /** Programs registered for job steps; add stubs at any time. */
  readonly programs: Record<string, Program>;
  /** Wait for listeners opened by recent state changes (DVIPA ports). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export async function start(options: StartOptions = {}): Promise<Emulator> {
  const systems = (options.systems ?? ["SYSA", "SYSB"]).map((s) => s.toUpperCase());
  const core: CoreOptions = {
    systems,
    sysplexName: (options.sysplexName ?? "PLEX1").toUpperCase(),
    seed: options.seed ?? 1,
    user: (options.user ?? "IBMUSER").toUpperCase(),
    // Not a word z/OS output has in it: a client that masks its password by value would hide it there too.
    password: options.password ?? "Emu-7q2w",
    jobTiming: { inputMs: options.jobTiming?.inputMs ?? 50, activeMs: options.jobTiming?.activeMs ?? 150 },
    csrf: options.csrf ?? "non-get",
    consolePieceLines: options.consolePieceLines ?? defaultConsolePieceLines,
  };
  const clock = new Clock({ manual: options.manualClock });
  const reseed = () =>
    seedState({ seed: core.seed, sysplexName: core.sysplexName, systems, user: core.user, password: core.password, nowIso: clock.iso() });
  const faults = new Faults(core.seed);
  if (options.faults) faults.replace(options.faults);
  const extraPrograms: Record<string, Program> = { ...(options.programs ?? {}) };
  const operator: OperatorModel = { issueCommand, setSystemUp, resolveDvipa, stillRoutes: dvipaStillRoutes, routesCommands: true };

  const tlsMaterial = options.tls === false ? null : ensureTlsMaterial(options.caDir ?? defaultCaDir());
  let listeners: ListenerSet | null = null;
  const ctx: EmulatorContext = {
    state: reseed(),
    options: core,
    clock,
    faults,
    log: emptyLog(),
    programs: programRegistry(extraPrograms),
    operator,
    sessions: new Map(),
    onStateChanged: () => listeners?.sync(),
    distribution: { noticeMs: Math.max(0, options.distribution?.noticeMs ?? 0) },
    stopMs: Math.max(0, options.stopMs ?? 0),
  };
  listeners = new ListenerSet({
    pipeline: { ctx: () => ctx, hooks: { reseed }, latencyMs: options.latencyMs ?? 0 },
    tls: tlsMaterial,
    port: options.port ?? 0,
    perSystemListeners: options.perSystemListeners ?? false,
    dvipaListeners: options.dvipaListeners ?? false,
  });
  await listeners.start();
  const set = listeners;

  return {
    url: set.url,
    systemUrls: set.systemUrls,
    dvipaUrls: set.dvipaUrls,
    caFile: tlsMaterial?.caFile ?? "",
    user: core.user,
    password: core.password,
    get state() {
      return ctx.state;
    },
    requestLog: ctx.log,
    context: ctx,
    programs: extraPrograms,
    settle: () => set.settle(),
    stop: () => set.stop(),
  };
}

export type { EmulatorState } from "./state";
export type { FaultRule, FaultConfig } from "./faults";
export type { Program, ProgramContext, ProgramResult } from "./jes/types";
