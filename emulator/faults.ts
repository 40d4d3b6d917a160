/**
 * Faults on demand. A rule names what goes wrong (`kind`), where (`match`: a glob on the
 * request kind such as "jobs.status" or "PUT ds.*", or on kind and path such as
 * "PUT ds.write /zosmf/restfiles/ds/SYS1.PARMLIB(*"; on the job name for job faults, on the
 * command text for console faults) and how often (`count` uses, then gone; or `rate`, a
 * seeded probability; neither means every time). Rules are tried in order, so one-shot
 * faults are consumed deterministically.
 */
import { mix } from "./ids";

export type FaultKind =
  /** HTTP status (default 503) instead of the answer. */
  | "status"
  /** Connection reset before any answer. */
  | "reset"
  /** No answer at all: the client times out. */
  | "hang"
  /** Extra delay in ms before the answer. */
  | "latency"
  /** The request takes effect (e.g. the job is queued), then the connection drops. */
  | "lostResponse"
  /** A job (match on job name) ends with `cc`, `abend` or a JCL error instead of running its steps. */
  | "jobFail"
  /** A job (match on job name) stays ACTIVE for ever. */
  | "jobNeverEnds"
  /** A console command (match on the command) answers "" to the PUT; everything comes by follow-ups. */
  | "consoleDelay"
  /** A console response (match on the command) comes in `pieces` parts. */
  | "consoleSplit"
  /**
   * The sysplex distributor never makes another target Active for a HOTSTANDBY DVIPA (match
   * on "dvipa" or "dvipa:port"; no match = every DVIPA). It holds while the rule is present;
   * count and rate do not apply. New connections keep going to the old Active target as long
   * as it is regarded as available; once the distributor notices it is not, they are reset.
   */
  | "noTakeover";

export interface FaultRule {
  kind: FaultKind;
  match?: string;
  count?: number;
  rate?: number;
  status?: number;
  ms?: number;
  cc?: number;
  abend?: string;
  jclError?: boolean;
  pieces?: number;
}

export interface FaultConfig {
  /** Delay added to every z/OSMF request, in ms. */
  latencyMs: number;
  rules: FaultRule[];
}

export const HTTP_FAULTS: FaultKind[] = ["status", "reset", "hang", "latency", "lostResponse"];

/** Glob with * and ? (and % as one character, as in z/OS patterns), case-insensitive. */
export function globMatch(pattern: string, text: string): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/[?%]/g, ".");
  return new RegExp(`^${re}$`, "i").test(text);
}

export class Faults {
  config: FaultConfig = { latencyMs: 0, rules: [] };
  private draws = 0;

  constructor(private readonly seed: number) {}

  replace(config: Partial<FaultConfig>): void {
    this.config = { latencyMs: config.latencyMs ?? 0, rules: (config.rules ?? []).map((r) => ({ ...r })) };
  }

  add(rule: FaultRule): void {
    this.config.rules.push({ ...rule });
  }

  /** True while a rule of `kind` matches one of `subjects`; nothing is used up (faults that hold a state). */
  holds(kind: FaultKind, subjects: string[]): boolean {
    return this.config.rules.some(
      (r) => r.kind === kind && (r.match === undefined || subjects.some((s) => globMatch(r.match as string, s))),
    );
  }

  /**
   * The first rule of one of `kinds` whose match accepts one of `subjects`; a counted rule
   * is used up, a rate rule draws from the seeded sequence.
   */
  take(kinds: FaultKind[], subjects: string[]): FaultRule | undefined {
    for (let i = 0; i < this.config.rules.length; i++) {
      const rule = this.config.rules[i];
      if (!kinds.includes(rule.kind)) continue;
      if (rule.match !== undefined && !subjects.some((s) => globMatch(rule.match as string, s))) continue;
      if (rule.rate !== undefined) {
        this.draws += 1;
        if (mix(this.seed, 0x7000000 + this.draws) / 0x100000000 >= rule.rate) continue;
      }
      if (rule.count !== undefined) {
        rule.count -= 1;
        if (rule.count <= 0) this.config.rules.splice(i, 1);
      }
      return rule;
    }
    return undefined;
  }
}

/** Parse a CLI fault: JSON, or `kind[:match[:count]]` with key=value extras, e.g. `status:jobs.status:1:status=503`. */
export function parseFaultArg(text: string): FaultRule {
  if (text.trim().startsWith("{")) return JSON.parse(text) as FaultRule;
  const [kind, match, count, ...extras] = text.split(":");
  const rule: FaultRule = { kind: kind as FaultKind };
  if (match) rule.match = match;
  if (count) rule.count = Number(count);
  for (const extra of extras) {
    const [key, value] = extra.split("=");
    (rule as unknown as Record<string, unknown>)[key] =
      key === "abend" || key === "match" ? value : key === "jclError" ? value !== "false" : Number(value);
  }
  return rule;
}
