import type * as Diff from "diff";
import { redactSecrets } from "../../engine/redact";
import { sha256 } from "../../engine/run-record";

/** Records as z/OS keeps them: trailing blanks and final empty lines carry no meaning. */
export function normaliseRecords(text: string): string {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .replace(/\n+$/, "");
}

export function sameRecords(a: string, b: string): boolean {
  return normaliseRecords(a) === normaliseRecords(b);
}

/** What a write is recorded by, so a later edit shows even when no ETag tells. */
export function recordsSha256(text: string): string {
  return sha256(normaliseRecords(text));
}

/** Loaded at the first change shown: a run that changes nothing, and every verify, never needs it. */
let diffLib: typeof Diff | undefined;
function diffModule(): typeof Diff {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use; callers stay synchronous
  return (diffLib ??= require("diff") as typeof Diff);
}

/** A unified diff of what a write changes, with secrets masked; `before` null = new file. */
export function unifiedDiff(name: string, before: string | null, after: string | null): string {
  // null: there is no such member (before: to be created; after: to be deleted, every line removed).
  const patch = diffModule().createTwoFilesPatch(
    before === null ? "/dev/null" : `${name} (now)`,
    after === null ? "/dev/null" : `${name} (planned)`,
    before === null ? "" : ensureNewline(before),
    after === null ? "" : ensureNewline(after),
    undefined,
    undefined,
    { context: 3 },
  );
  return redactSecrets(patch);
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
