/**
 * §2.2 optimistic locking. ETags go out quoted; If-Match is accepted quoted or bare,
 * because Zowe clients strip the quotes before sending it back.
 */
import type { IncomingMessage } from "node:http";
import { header } from "../http/body";

export const etagHeader = (etag: string) => ({ ETag: `"${etag}"` });

const bare = (value: string) =>
  value
    .trim()
    .replace(/^W\//, "")
    .replace(/^"(.*)"$/, "$1");

/** True when the request has no If-Match, or one that names the current ETag (or "*" with a resource). */
export function ifMatchAccepts(req: IncomingMessage, current: string | undefined): boolean {
  const wanted = header(req, "if-match");
  if (wanted === undefined) return true;
  if (current === undefined) return false;
  return wanted.split(",").some((v) => bare(v) === "*" || bare(v) === current);
}

export function wantsEtag(req: IncomingMessage): boolean {
  return (header(req, "x-ibm-return-etag") ?? "").toLowerCase() === "true";
}
