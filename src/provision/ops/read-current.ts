import { ZosmfError } from "../../zosmf";
import type { ZosmfClient } from "../../zosmf";
import { inspectDataset, notAuthorised } from "./dataset-check";

/** What a read found: the text and ETag, or null text when the member or file does not exist. */
export interface Observed {
  readonly text: string | null;
  readonly etag: string | null;
}

export const ABSENT: Observed = { text: null, etag: null };

export async function readMember(client: ZosmfClient, dsn: string, member: string): Promise<Observed> {
  try {
    const { text, etag } = await client.files.read(dsn, member);
    return { text, etag: etag ?? null };
  } catch (err) {
    if (err instanceof ZosmfError && err.kind === "not-found") return ABSENT;
    if (err instanceof ZosmfError && err.kind === "auth" && err.status === 403) throw notAuthorised(`${dsn}(${member})`, "read", err);
    throw err;
  }
}

export async function readUssFile(client: ZosmfClient, path: string): Promise<Observed> {
  try {
    const { text, etag } = await client.files.readUss(path);
    return { text, etag: etag ?? null };
  } catch (err) {
    if (err instanceof ZosmfError && err.kind === "not-found") return ABSENT;
    if (err instanceof ZosmfError && err.kind === "auth" && err.status === 403) throw notAuthorised(path, "read", err);
    throw err;
  }
}

/** Whether a data set is catalogued (GET only), through the same look that reads its attributes. */
export async function datasetExists(client: ZosmfClient, dsn: string): Promise<boolean> {
  return (await inspectDataset(client, dsn)) !== null;
}
