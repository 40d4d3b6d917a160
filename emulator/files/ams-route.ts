/** §2.8 `PUT /zosmf/restfiles/ams`: IDCAMS statements in, `{rc, output}` out. */
import type { IncomingMessage } from "node:http";
import { parseJsonObject } from "../http/body";
import type { RequestScope } from "../http/context";
import type { Reply } from "../http/reply";
import { runIdcamsStatements } from "../programs/idcams";
import { amsStatus, fileErrors } from "../zosmf-forms";

export async function handleAms(scope: RequestScope, req: IncomingMessage, reply: Reply, body: string): Promise<void> {
  if (req.method !== "PUT") return reply.error(fileErrors.badUtilityRequest(req.method ?? ""));
  const json = parseJsonObject(body);
  const input = json?.input;
  if (!Array.isArray(input) || input.some((l) => typeof l !== "string" || l.length > 255)) return reply.error(fileErrors.badJson());
  const { ctx, user } = scope;
  const result = runIdcamsStatements(ctx.state, input as string[], { user, nowIso: ctx.clock.iso() });
  reply.json(result.rc <= 4 ? amsStatus.ok : amsStatus.failed, { rc: result.rc, output: result.output });
}
