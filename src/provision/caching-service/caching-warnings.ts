import type { Topology } from "../../topology";

/** What the plan says about the chosen storage before anything is done: it works, but the user should know. */
export function cachingWarnings(t: Topology): string[] {
  const mode = t.cachingService?.storage.mode;
  if (mode === undefined) return [];
  const warnings: string[] = [];
  if (mode === "vsam") {
    warnings.push(
      "cachingService.storage.mode vsam: Zowe has deprecated VSAM storage for the Caching Service and will remove it in a future release; " +
        "use infinispan (part of Zowe, no other software needed, recommended for production on z/OS).",
    );
  }
  if (mode !== "infinispan") {
    warnings.push(
      `cachingService.storage.mode ${mode}: Personal Access Tokens need Infinispan storage; with ${mode} the API ML gateways cannot support them. ` +
        "Use mode infinispan if your users need Personal Access Tokens.",
    );
  }
  return warnings;
}
