import type { ElementState } from "./verdicts";

/** Colours per state, shared by both renderers: unknown is grey and dashed, never green; neutral is plain. */
export const STATE_COLOURS: Readonly<Record<ElementState, { fill: string; stroke: string; text: string; dashed: boolean }>> = {
  healthy: { fill: "#d9f2dd", stroke: "#1e7b34", text: "#0b3d17", dashed: false },
  degraded: { fill: "#fff1c2", stroke: "#a86b00", text: "#4d3200", dashed: false },
  unhealthy: { fill: "#f9d6d5", stroke: "#b3261e", text: "#5c0f0b", dashed: false },
  unknown: { fill: "#e4e4e4", stroke: "#6b6b6b", text: "#2b2b2b", dashed: true },
  neutral: { fill: "#ffffff", stroke: "#555555", text: "#1a1a1a", dashed: false },
};

/** The order the legend lists states in. */
export const LEGEND_ORDER: readonly ElementState[] = ["healthy", "degraded", "unhealthy", "unknown", "neutral"];
