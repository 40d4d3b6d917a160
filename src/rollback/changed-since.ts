import type { WriteEntry } from "../engine/types";
import { recordsSha256 } from "../provision/ops/diff";
import type { Observed } from "../provision/ops/read-current";

/**
 * Whether someone changed a target after the run's last write to it. The content decides:
 * z/OSMF need not return an ETag, and a PUT's ETag need not look like a later GET's, so
 * an ETag alone would either miss an edit or see one everywhere. Records written before
 * the hash was kept fall back to the ETag. Gone, or never written by the run: changed.
 */
export function changedSinceRun(current: Observed, lastWrite: WriteEntry | undefined): boolean {
  if (current.text === null || !lastWrite) return true;
  if (lastWrite.textSha256) return recordsSha256(current.text) !== lastWrite.textSha256;
  return lastWrite.etagAfter !== null && current.etag !== null && current.etag !== lastWrite.etagAfter;
}
