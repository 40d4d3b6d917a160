import { z } from "zod";
import type { Send } from "./http";
import { parseBody } from "./parse";

const INFO = "/zosmf/info";

/** z/OSMF sends every value here as a string. */
export const zosmfInfoSchema = z.looseObject({
  zosmf_hostname: z.string().optional(),
  zosmf_port: z.string().optional(),
  zosmf_saf_realm: z.string().optional(),
  zosmf_version: z.string().optional(),
  zosmf_full_version: z.string().optional(),
  zos_version: z.string().optional(),
  api_version: z.string().optional(),
  // Some levels (and Zowe's mock) put an error object here instead of a list.
  plugins: z.unknown().optional(),
});
export type ZosmfInfo = z.infer<typeof zosmfInfoSchema>;

export function createInfo(send: Send) {
  /** Needs no authentication on z/OSMF, so it tells "reachable" apart from "logged in". */
  return async function info(): Promise<ZosmfInfo> {
    const res = await send({ method: "GET", path: INFO, repeatable: true });
    return parseBody(zosmfInfoSchema, res.data, "GET", INFO);
  };
}
