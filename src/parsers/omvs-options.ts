/**
 * `D OMVS,O` as z/OS UNIX answers it (MVS System Commands, DISPLAY OMVS,OPTIONS): BPXO043I with
 * the current BPXPRMxx settings, one of them SYSPLEX (YES when the system takes part in the
 * shared file system). Without BPXO043I or without the SYSPLEX setting it is unknown.
 */
import { splitLines } from "./frame";

export type OmvsSysplex =
  { readonly state: "known"; readonly sysplex: boolean } | { readonly state: "unknown"; readonly lines: readonly string[] };

export function parseOmvsSysplex(text: string): OmvsSysplex {
  const lines = splitLines(text).filter((l) => l.trim() !== "");
  const header = lines.findIndex((l) => /(^|\s)BPXO043I\s/.test(l));
  if (header < 0) return { state: "unknown", lines };
  for (const line of lines.slice(header + 1)) {
    const m = /(?:^|\s)SYSPLEX\s*=\s*(YES|NO)\b/.exec(line.toUpperCase());
    if (m) return { state: "known", sysplex: m[1] === "YES" };
  }
  return { state: "unknown", lines };
}
