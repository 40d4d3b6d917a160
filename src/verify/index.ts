export { verifyTopology, type VerifyEngineOptions } from "./engine";
export { CHECK_MODULES } from "./checks";
export type { Check, CheckModule, ReadSpec, Verdict, VerifyClient, VerifyResult, VerifySummary } from "./types";
export { anonymousInfo, endpointUrl, parseEndpointMap, type EndpointMap } from "./endpoint-info";
export { deepChecks } from "./checks/zosmf-ha/deep";
