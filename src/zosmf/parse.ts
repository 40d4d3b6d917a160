import type { z } from "zod";
import { ZosmfError } from "./errors";

/** Validates a response body, turning a surprise into an error that names the request. */
export function parseBody<S extends z.ZodType>(schema: S, data: unknown, method: string, path: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length ? ` at ${first.path.join(".")}` : "";
  throw new ZosmfError({
    kind: "unexpected-response",
    method,
    path,
    summary: `the response body is not what z/OSMF documents (${first?.message ?? "invalid"}${where})`,
  });
}
