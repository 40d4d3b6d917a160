import { z } from "zod";
import { HaError } from "../errors";
import { ZosmfError } from "./errors";
import { normalizeEtag } from "./to-zosmf-error";
import type { Send } from "./http";
import { dsnName, dsnPath, headerValue, memberName, ussPath } from "./names";
import { parseBody } from "./parse";

const DS = "/zosmf/restfiles/ds";
const FS = "/zosmf/restfiles/fs";
const MFS = "/zosmf/restfiles/mfs";

export interface FileContent {
  readonly text: string;
  /** Pass back as `ifMatch` to write only if nobody changed it meanwhile. */
  readonly etag?: string;
}

export interface WriteResult {
  readonly etag?: string;
  /** True when the member did not exist before (HTTP 201). */
  readonly created: boolean;
}

export interface WriteOptions {
  /** ETag from the read; the write fails with a `conflict` error if the content changed. */
  readonly ifMatch?: string;
}

/** Data set list entry. z/OSMF sends every attribute as a string. */
export type DatasetListItem = { readonly dsname: string } & Readonly<Record<string, string | undefined>>;

export interface DatasetAttributes {
  readonly dsorg: "PO" | "PS";
  readonly alcunit: "TRK" | "CYL";
  readonly primary: number;
  readonly secondary?: number;
  /** Directory blocks; needed for a PDS. */
  readonly dirblk?: number;
  readonly recfm: string;
  readonly blksize?: number;
  readonly lrecl: number;
  readonly volser?: string;
  /** `LIBRARY` for a PDSE. */
  readonly dsntype?: string;
}

export interface MemberRef {
  readonly dsn: string;
  readonly member: string;
}

export interface CopyMemberOptions {
  readonly from: MemberRef;
  readonly to: MemberRef;
  /** Overwrite an existing target member. @default false */
  readonly replace?: boolean;
}

const datasetListSchema = z.looseObject({
  items: z.array(z.looseObject({ dsname: z.string() })),
});
const memberListSchema = z.looseObject({
  items: z.array(z.looseObject({ member: z.string() })),
});
export const mountSchema = z.looseObject({
  name: z.string(),
  mountpoint: z.string(),
  fstname: z.string().nullish(),
  mode: z.array(z.string()).nullish(),
  sysname: z.string().nullish(),
});
export type MountedFileSystem = z.infer<typeof mountSchema>;
const mountListSchema = z.looseObject({ items: z.array(mountSchema) });

function etagOf(headers: Record<string, unknown>): string | undefined {
  return normalizeEtag(headers["etag"]);
}

/** Compares records the way z/OS stores them: trailing blanks and final empty lines do not count. */
function sameRecords(a: string, b: string): boolean {
  const norm = (s: string): string =>
    s
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .join("\n")
      .replace(/\n+$/, "");
  return norm(a) === norm(b);
}

async function readAt(send: Send, path: string): Promise<FileContent> {
  const res = await send<string>({
    method: "GET",
    path,
    headers: { "X-IBM-Return-Etag": "true", "X-IBM-Data-Type": "text" },
    responseType: "text",
    repeatable: true,
  });
  const etag = etagOf(res.headers);
  return { text: String(res.data ?? ""), ...(etag ? { etag } : {}) };
}

async function writeAt(send: Send, path: string, text: string, options: WriteOptions): Promise<WriteResult> {
  const ifMatch = options.ifMatch === undefined ? undefined : headerValue("ifMatch", normalizeEtag(options.ifMatch) ?? "");
  if (options.ifMatch !== undefined && !ifMatch) {
    // Asked for a guarded write: without the guard it could overwrite someone else's change.
    throw new HaError(`An empty ETag was given for the guarded write of ${path}; nothing was written.`, { failureClass: "tool-failure" });
  }
  try {
    const res = await send({
      method: "PUT",
      path,
      headers: { "Content-Type": "text/plain", "X-IBM-Data-Type": "text", ...(ifMatch ? { "If-Match": ifMatch } : {}) },
      body: text,
      responseType: "text",
      // Guarded by If-Match, a repeat either lands once or fails with 412; unguarded it could
      // overwrite someone else's change made in between.
      repeatable: Boolean(ifMatch),
    });
    const etag = etagOf(res.headers);
    return { ...(etag ? { etag } : {}), created: res.status === 201 };
  } catch (err) {
    // A retry that meets 412 may only have met our own earlier write whose answer was lost.
    if (err instanceof ZosmfError && err.kind === "conflict" && err.attempts > 1) {
      const now = await readAt(send, path);
      if (sameRecords(now.text, text)) return { ...(now.etag ? { etag: now.etag } : {}), created: false };
    }
    throw err;
  }
}

async function listMembers(send: Send, dsn: string, options: { readonly pattern?: string }): Promise<string[]> {
  const path = `${DS}/${dsnPath(dsn)}/member`;
  const res = await send({
    method: "GET",
    path,
    query: { pattern: options.pattern },
    // 0 = no limit; the default of 1000 would silently cut long lists.
    headers: { "X-IBM-Max-Items": "0" },
    repeatable: true,
  });
  return parseBody(memberListSchema, res.data, "GET", path).items.map((i) => i.member);
}

async function listDatasets(send: Send, level: string, options: { readonly attributes?: boolean }): Promise<DatasetListItem[]> {
  if (!/^[A-Z0-9@#$.*%-]{1,44}$/i.test(level)) {
    throw new HaError(`'${level}' is not a valid data set level pattern.`, { failureClass: "invalid-input" });
  }
  const res = await send({
    method: "GET",
    path: DS,
    query: { dslevel: level.toUpperCase() },
    headers: { "X-IBM-Max-Items": "0", ...(options.attributes ? { "X-IBM-Attributes": "base" } : {}) },
    repeatable: true,
  });
  return parseBody(datasetListSchema, res.data, "GET", DS).items as DatasetListItem[];
}

async function copyMember(send: Send, options: CopyMemberOptions): Promise<void> {
  const body = {
    request: "copy",
    "from-dataset": { dsn: dsnName(options.from.dsn), member: memberName(options.from.member) },
    replace: options.replace ?? false,
  };
  await send({
    method: "PUT",
    path: `${DS}/${dsnPath(options.to.dsn, options.to.member)}`,
    headers: { "Content-Type": "application/json" },
    body,
  });
}

/** Mounted file systems, optionally only the one at `path` or named `fsname`. */
async function listMounts(send: Send, options: { readonly path?: string; readonly fsname?: string }): Promise<MountedFileSystem[]> {
  if (options.path !== undefined && options.fsname !== undefined) {
    throw new HaError("listMounts takes path or fsname, not both.", { failureClass: "invalid-input" });
  }
  try {
    const res = await send({
      method: "GET",
      path: MFS,
      query: { path: options.path, fsname: options.fsname?.toUpperCase() },
      headers: { "X-IBM-Max-Items": "0" },
      repeatable: true,
    });
    return parseBody(mountListSchema, res.data, "GET", MFS).items;
  } catch (err) {
    // z/OSMF answers 404 (with an empty list) when the named path or file system is not mounted;
    // without a filter a 404 means the service itself is missing, which must not read as "none".
    const filtered = options.path !== undefined || options.fsname !== undefined;
    if (filtered && err instanceof ZosmfError && err.kind === "not-found") return [];
    throw err;
  }
}

export function createFilesApi(send: Send) {
  // Every method is async, so a refused name comes back as a rejected promise, never a throw.
  return {
    /** Reads a sequential data set or a member as text, with its ETag. */
    read: async (dsn: string, member?: string): Promise<FileContent> => readAt(send, `${DS}/${dsnPath(dsn, member)}`),
    /** Writes a member (created if missing). Retried only when guarded by `ifMatch`. */
    write: async (dsn: string, member: string, text: string, options: WriteOptions = {}): Promise<WriteResult> =>
      writeAt(send, `${DS}/${dsnPath(dsn, member)}`, text, options),
    listMembers: async (dsn: string, options: { readonly pattern?: string } = {}): Promise<string[]> => listMembers(send, dsn, options),
    listDatasets: async (level: string, options: { readonly attributes?: boolean } = {}): Promise<DatasetListItem[]> =>
      listDatasets(send, level, options),
    async createDataset(dsn: string, attrs: DatasetAttributes): Promise<void> {
      // Not repeated: after a lost answer the second POST would fail with "already exists".
      await send({ method: "POST", path: `${DS}/${dsnPath(dsn)}`, headers: { "Content-Type": "application/json" }, body: attrs });
    },
    copyMember: async (options: CopyMemberOptions): Promise<void> => copyMember(send, options),
    /** Reads a sequential data set as text. */
    readSequential: async (dsn: string): Promise<FileContent> => readAt(send, `${DS}/${dsnPath(dsn)}`),
    /** Writes a sequential data set; unguarded, so only for one this run created (not retried). */
    writeSequential: async (dsn: string, text: string): Promise<WriteResult> => writeAt(send, `${DS}/${dsnPath(dsn)}`, text, {}),
    async deleteDataset(dsn: string): Promise<void> {
      await send({ method: "DELETE", path: `${DS}/${dsnPath(dsn)}` });
    },
    async deleteMember(dsn: string, member: string): Promise<void> {
      await send({ method: "DELETE", path: `${DS}/${dsnPath(dsn, member)}` });
    },
    listMounts: async (options: { readonly path?: string; readonly fsname?: string } = {}): Promise<MountedFileSystem[]> =>
      listMounts(send, options),
    readUss: async (path: string): Promise<FileContent> => readAt(send, `${FS}/${ussPath(path)}`),
    async writeUss(path: string, text: string, options: WriteOptions = {}): Promise<{ readonly etag?: string }> {
      const { etag } = await writeAt(send, `${FS}/${ussPath(path)}`, text, options);
      return etag ? { etag } : {};
    },
  };
}

export type FilesApi = ReturnType<typeof createFilesApi>;
