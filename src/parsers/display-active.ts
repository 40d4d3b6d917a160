/**
 * `D A,name` as MVS answers it (zosmf-facts §10.2): IEE115I with the activity summary,
 * then one entry per matching address space starting with its job name, step name and
 * procstep; when nothing matches, a line of the name followed by NOT FOUND. A started
 * task that ended is not listed. Anything without IEE115I, or with neither an entry nor
 * the not-found line for the name, is unknown: it is never read as "active".
 */
import { splitLines } from "./frame";

export type TaskPresence =
  | { readonly state: "active"; readonly jobid?: string }
  | { readonly state: "not-found" }
  | { readonly state: "unknown"; readonly lines: readonly string[] };

const NAME = /^[A-Z@#$][A-Z0-9@#$]{0,7}$/;

export function parseDisplayActive(text: string, name: string): TaskPresence {
  const lines = splitLines(text).filter((l) => l.trim() !== "");
  const header = lines.findIndex((l) => /(^|\s)IEE115I\s/.test(l));
  if (header < 0) return { state: "unknown", lines };
  const wanted = name.toUpperCase();
  for (const line of lines.slice(header + 1)) {
    const words = line.trim().split(/\s+/);
    if (words[0] !== wanted) continue;
    if (words.length === 3 && words[1] === "NOT" && words[2] === "FOUND") return { state: "not-found" };
    if (words.length >= 3 && NAME.test(words[1]!) && NAME.test(words[2]!)) {
      const wuid = /\bWUID=(\S+)/.exec(line)?.[1];
      return wuid ? { state: "active", jobid: wuid } : { state: "active" };
    }
  }
  return { state: "unknown", lines };
}
