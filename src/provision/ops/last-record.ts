/**
 * Reads a previous run record (the engine's RunRecordData, taken as unknown so an older or
 * foreign file cannot break planning) for a step that completed with the same inputs.
 */
export function recordShowsDone(record: unknown, stepId: string, marker: string): string | undefined {
  if (!record || typeof record !== "object") return undefined;
  const r = record as { runId?: unknown; plan?: unknown; outcomes?: unknown };
  if (!Array.isArray(r.plan) || !Array.isArray(r.outcomes)) return undefined;
  const plan = r.plan.find((p: { id?: unknown }) => p?.id === stepId) as { observed?: unknown } | undefined;
  const outcome = r.outcomes.find((o: { id?: unknown }) => o?.id === stepId) as { state?: unknown } | undefined;
  if (typeof plan?.observed !== "string" || !plan.observed.includes(marker)) return undefined;
  if (outcome?.state !== "changed" && outcome?.state !== "unchanged") return undefined;
  return typeof r.runId === "string" ? r.runId : "an earlier run";
}
