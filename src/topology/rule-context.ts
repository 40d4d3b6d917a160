import { pathString, type PathSegment } from "./problems";
import type { Topology } from "./schema";

/*
 * What every rule needs: the topology as far as it can be trusted, the known
 * system names, and a way to report. Rules run on the parsed topology, or on the
 * raw data when the schema refused part of it, so that one run reports
 * everything; hence nothing here trusts a type and every read is guarded.
 */

export interface RuleProblem {
  path: PathSegment[];
  message: string;
  allowed: string;
}

/** The topology as far as it can be trusted: any field may be absent or of another type. */
export type Loose<T> = T extends readonly (infer U)[]
  ? readonly Loose<U>[] | undefined
  : T extends object
    ? { readonly [K in keyof T]?: Loose<T[K]> } | undefined
    : T | undefined;

export interface RuleContext {
  readonly t: NonNullable<Loose<Topology>>;
  /** Upper-cased system name → its index in systems[]. */
  readonly known: ReadonlyMap<string, number>;
  /** False when a system name itself was refused: "unknown system" would then only repeat that. */
  readonly checkReferences: boolean;
  report(path: PathSegment[], message: string, allowed: string): void;
}

export function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** Names compare upper-cased, whatever case they were written in. */
export function up(value: unknown): string | undefined {
  return typeof value === "string" ? value.toUpperCase() : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** Reports a system name that is not in systems[]; returns the name when it is. */
export function knownSystem(ctx: RuleContext, path: PathSegment[], value: unknown): string | undefined {
  const name = up(value);
  if (name === undefined) return undefined;
  if (ctx.known.has(name)) return name;
  if (!ctx.checkReferences) return undefined;
  const names = [...ctx.known.keys()];
  ctx.report(
    path,
    "is not a system defined in systems[]",
    names.length > 0 ? `one of ${names.join(", ")}` : "a system defined in systems[]",
  );
  return undefined;
}

/** Reports every repeat of a key at the repeat, naming where it was first used. */
export function unique(ctx: RuleContext, entries: readonly { path: PathSegment[]; key: string | undefined }[], allowed: string): void {
  const first = new Map<string, PathSegment[]>();
  for (const entry of entries) {
    if (entry.key === undefined) continue;
    const earlier = first.get(entry.key);
    if (earlier) ctx.report(entry.path, `is already used at ${pathString(earlier)}`, allowed);
    else first.set(entry.key, entry.path);
  }
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
