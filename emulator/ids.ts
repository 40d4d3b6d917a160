/**
 * Deterministic identifiers: every id comes from a counter in the state mixed with the
 * seed, so two runs with the same seed and the same requests produce the same ids.
 */
import type { EmulatorState } from "./state";

/** 32-bit mix of the seed and a counter (splitmix-style); stable across platforms. */
export function mix(seed: number, n: number): number {
  let x = (seed ^ Math.imul(n + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const hex8 = (n: number) => n.toString(16).toUpperCase().padStart(8, "0");

export function nextJobNumber(state: EmulatorState): number {
  state.counters.job += 1;
  return state.counters.job;
}

export function jobIdFor(type: "JOB" | "STC" | "TSU", n: number): string {
  return `${type}${String(n).padStart(5, "0")}`;
}

/** 31-byte system part + ":" (§1.3): J + 7-digit number, system name, token, padding. */
export function correlatorFor(state: EmulatorState, n: number, system: string, type: "JOB" | "STC" | "TSU" = "JOB"): string {
  const letter = type === "JOB" ? "J" : type === "STC" ? "S" : "T";
  return `${letter}${String(n).padStart(7, "0")}${system.slice(0, 8).padEnd(8, ".")}${hex8(mix(state.seed, n))}.......:`;
}

export function nextEtag(state: EmulatorState): string {
  state.counters.etag += 1;
  const n = state.counters.etag;
  return hex8(mix(state.seed, n + 0x100000)) + hex8(mix(state.seed ^ 0x5bd1e995, n));
}

export function nextConsoleKey(state: EmulatorState): string {
  state.counters.consoleKey += 1;
  return `C${String(state.counters.consoleKey).padStart(7, "0")}`;
}
