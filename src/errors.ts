/**
 * Every failure the engine reports falls in one of three classes, because pipelines
 * must tell them apart: the input was wrong (nothing was sent), the z/OS work failed
 * (a job RC, a rejected command, a failed check), or the tool/API failed
 * (unreachable, authentication, unexpected response).
 */
export type FailureClass = "invalid-input" | "zos-failure" | "tool-failure";

/**
 * Process exit code per failure class; documented in the README. "changes-pending" is not a
 * failure: a dry run with --detailed-exit-code that would change something.
 */
export const EXIT_CODES = {
  success: 0,
  "zos-failure": 2,
  "invalid-input": 3,
  "tool-failure": 4,
  "changes-pending": 5,
} as const satisfies Record<FailureClass | "success" | "changes-pending", number>;

export class HaError extends Error {
  readonly failureClass: FailureClass;
  /** Lines that explain the failure further (spool lines, problems, hints). */
  readonly details: readonly string[];

  constructor(message: string, options: { failureClass: FailureClass; details?: readonly string[]; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "HaError";
    this.failureClass = options.failureClass;
    this.details = options.details ?? [];
  }
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof HaError) return EXIT_CODES[err.failureClass];
  const cls = (err as { failureClass?: FailureClass } | undefined)?.failureClass;
  return cls ? EXIT_CODES[cls] : EXIT_CODES["tool-failure"];
}
