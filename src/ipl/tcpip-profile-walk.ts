import { readProfile, recordWords, sameTarget, targetText, type IncludeTarget, type ReadProfile } from "./tcpip-profile";

/*
 * A profile with everything it INCLUDEs, nested, read the way the stack reads it at start.
 * The reader is given (z/OSMF GETs in provision and verify, a map in tests), so this file
 * never talks to z/OS itself.
 */

/** The text of a data set or member; null when it does not exist. Any other failure is thrown. */
export type ReadTarget = (target: IncludeTarget) => Promise<string | null>;

/** The stack would stop reading long before this; a deeper chain is read as a loop. */
const MAX_DEPTH = 16;

export interface WalkedMember {
  readonly target: IncludeTarget;
  /** null: it does not exist. */
  readonly text: string | null;
  readonly read: ReadProfile | null;
  /** The member that INCLUDEs it; absent for the profile itself. */
  readonly includedBy?: IncludeTarget;
}

export interface ProfileWalk {
  /** The profile first, then every member it INCLUDEs, depth first, each once. */
  readonly members: readonly WalkedMember[];
  /** What could not be read or followed, one line each, naming the member; empty when the walk is complete. */
  readonly unreadable: readonly string[];
  /** Every word of the profile with each INCLUDE replaced by the words of what it includes. */
  readonly words: readonly string[];
}

export async function walkProfile(profile: IncludeTarget, read: ReadTarget): Promise<ProfileWalk> {
  const members: WalkedMember[] = [];
  const unreadable: string[] = [];
  const expand = async (target: IncludeTarget, by: IncludeTarget | undefined, chain: readonly IncludeTarget[]): Promise<string[]> => {
    if (chain.some((c) => sameTarget(c, target)) || chain.length >= MAX_DEPTH) {
      unreadable.push(`${targetText(target)} includes itself through ${chain.map(targetText).join(" -> ")}`);
      return [];
    }
    let text: string | null;
    try {
      text = await read(target);
    } catch (err) {
      unreadable.push(`${targetText(target)} could not be read: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
    const parsed = text === null ? null : readProfile(text);
    if (!members.some((m) => sameTarget(m.target, target))) members.push({ target, text, read: parsed, ...(by ? { includedBy: by } : {}) });
    if (text === null) {
      unreadable.push(`${targetText(target)} does not exist${by ? ` (INCLUDEd by ${targetText(by)})` : ""}`);
      return [];
    }
    return expandText(text, target, chain, expand, unreadable);
  };
  const words = await expand(profile, undefined, []);
  return { members, unreadable, words };
}

type Expand = (target: IncludeTarget, by: IncludeTarget, chain: readonly IncludeTarget[]) => Promise<string[]>;

async function expandText(text: string, self: IncludeTarget, chain: readonly IncludeTarget[], expand: Expand, unreadable: string[]) {
  const words: string[] = [];
  const parsed = readProfile(text);
  let k = 0;
  for (let i = 0; i < parsed.words.length; i++) {
    if (parsed.words[i] !== "INCLUDE") {
      words.push(parsed.words[i]!);
      continue;
    }
    const inc = parsed.includes[k++]!;
    i++;
    if (inc.target === null) {
      unreadable.push(`${targetText(self)} line ${inc.line}: ${inc.text} names no data set this check can follow`);
      continue;
    }
    words.push(...(await expand(inc.target, self, [...chain, self])));
  }
  return words;
}

/** Whether the member is included anywhere in the walk. */
export function includedAnywhere(walk: ProfileWalk, target: IncludeTarget): boolean {
  return walk.members.some((m) => m.includedBy !== undefined && sameTarget(m.target, target));
}

/** Whether the profile, with what it includes, holds every statement of this text in the same order, word for word. */
export function holdsStatements(walk: ProfileWalk, text: string): boolean {
  const wanted = text.split("\n").flatMap(recordWords);
  if (wanted.length === 0) return true;
  const have = walk.words;
  for (let start = 0; start + wanted.length <= have.length; start++) {
    if (wanted.every((w, k) => have[start + k] === w)) return true;
  }
  return false;
}
