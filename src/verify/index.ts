export { verifyTopology, type VerifyEngineOptions } from "./engine";
export { CHECK_MODULES } from "./checks";
export type { Check, CheckModule, ReadSpec, Verdict, VerifyClient, VerifyResult, VerifySummary } from "./types";
