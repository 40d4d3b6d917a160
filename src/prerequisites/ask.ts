import { ZosmfError, type ZosmfClient } from "../zosmf";

/** What a prerequisite check needs: the sysplex's client and the systems to ask. */
export interface PrerequisiteContext {
  readonly client: ZosmfClient;
  readonly systems: readonly string[];
  /** Every system of the sysplex the others must see (the JES2 MAS members). @default systems */
  readonly sysplex?: readonly string[];
  /** Pause between reads of a console response. */
  readonly delayMs: number;
}

export type CheckState = "ok" | "failed" | "unknown";

/** One prerequisite, as the plan refuses on it and verify shows it. */
export interface PrerequisiteResult {
  /** `sysplex.saf`, `sysplex.uss`, `sysplex.jes2`, `sysplex.console`. */
  readonly id: string;
  readonly state: CheckState;
  /** What was found: the facts when ok, else the problem and the lines that could not be read. */
  readonly summary: string;
  readonly details: readonly string[];
}

/**
 * One prerequisite: the display that shows it, how its answer is read, and how the answers of
 * all systems are judged together. Asking and judging are apart so that plan and verify (which
 * reads through its own engine) judge alike.
 */
export interface Prerequisite<T> {
  readonly id: string;
  readonly command: string;
  /** One system's answer speaks for all (`$D MEMBER` shows the whole MAS): verify asks it once. */
  readonly oneAnswer?: boolean;
  parse(text: string): T;
  /** Whether the text so far is the whole answer; `sysplex` are the systems it must show. */
  isComplete(text: string, sysplex: readonly string[]): boolean;
  judge(answers: readonly Answer<T>[], sysplex: readonly string[]): PrerequisiteResult;
}

/** Asks every system and judges the answers. */
export async function runPrerequisite<T>(p: Prerequisite<T>, ctx: PrerequisiteContext): Promise<PrerequisiteResult> {
  const sysplex = ctx.sysplex ?? ctx.systems;
  const answers = await askEach(
    ctx,
    p.command,
    (t) => p.parse(t),
    (t) => p.isComplete(t, sysplex),
  );
  return p.judge(answers, sysplex);
}

export type Answer<T> = { readonly system: string; readonly parsed: T } | { readonly system: string; readonly error: string };

/**
 * Issues one display command on each system through the console API's `system` routing and
 * parses each answer. A refused or lost command is that system's answer too (an error), so a
 * check can say which system it could not ask. Failures to reach z/OSMF at all are thrown.
 */
export async function askEach<T>(
  ctx: PrerequisiteContext,
  command: string,
  parse: (text: string) => T,
  isComplete: (text: string) => boolean,
): Promise<Answer<T>[]> {
  return Promise.all(
    ctx.systems.map(async (system): Promise<Answer<T>> => {
      try {
        const r = await ctx.client.console.issue(command, {
          system,
          safeToRepeat: true,
          collect: { delayMs: ctx.delayMs, maxFollowUps: 8, isComplete },
        });
        return { system, parsed: parse(r.text) };
      } catch (err) {
        if (err instanceof ZosmfError && (err.kind === "rejected" || err.kind === "not-found" || err.kind === "unexpected-response"))
          return { system, error: err.message };
        throw err;
      }
    }),
  );
}

/** A system whose answer a check could not read: the lines it answered, or why it could not be asked. */
export interface Unread {
  readonly system: string;
  readonly lines?: readonly string[];
  readonly error?: string;
}

/** The details of answers a check could not read: each system with the lines it answered. */
export function unreadable(command: string, answers: readonly Unread[]): string[] {
  return answers.flatMap((a) =>
    a.error !== undefined
      ? [`${a.system}: ${command} could not be issued: ${a.error}`]
      : [`${a.system}: ${command} answered lines that could not be read:`, ...(a.lines ?? []).map((l) => `  | ${l}`)],
  );
}
