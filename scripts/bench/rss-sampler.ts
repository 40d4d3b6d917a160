/**
 * The peak of the summed resident set of a group of processes (and their children), sampled
 * from /proc while they run: what a CI runner or an Ansible controller must have free for them.
 */
import { existsSync, readFileSync } from "node:fs";

function rssKb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0; // Gone between the listing and the read.
  }
}

function withChildren(pid: number, seen = new Set<number>()): number[] {
  if (seen.has(pid)) return [];
  seen.add(pid);
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // No children file (gone, or a kernel without it): the process alone.
  }
  return [pid, ...children.flatMap((c) => withChildren(c, seen))];
}

export interface RssSampler {
  /** Stops sampling; the peak sum in MB, or undefined where /proc is not there to read. */
  stop(): number | undefined;
}

export function sampleRss(pids: () => readonly number[], everyMs = 20): RssSampler {
  if (!existsSync("/proc/self/status")) return { stop: () => undefined };
  let peakKb = 0;
  const sample = () => {
    const total = pids()
      .flatMap((p) => withChildren(p))
      .reduce((s, p) => s + rssKb(p), 0);
    peakKb = Math.max(peakKb, total);
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}
