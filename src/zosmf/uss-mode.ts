import { z } from "zod";
import type { Send } from "./http";
import { ussPath } from "./names";
import { parseBody } from "./parse";

const FS = "/zosmf/restfiles/fs";
const listSchema = z.looseObject({
  items: z.array(z.looseObject({ name: z.string(), mode: z.string().nullish(), user: z.string().nullish(), group: z.string().nullish() })),
});

/** Permission bits in the nine-letter form z/OSMF's create and chmod take (rw-------). */
const SYMBOLIC = /^[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]$/;

/** What keeps a copy as private as its original: its bits and its owner, as far as z/OSMF showed them. */
export interface UssAttributes {
  /** rw-------, or undefined when z/OSMF did not show readable bits. */
  readonly mode?: string;
  /** Owning user and group, when shown. */
  readonly owner?: { readonly user: string; readonly group: string };
}

/** Listing a file by its path gives one item with `mode` (-rw-------), `user` and `group` (files list, §2.9). */
async function ussAttributes(send: Send, path: string): Promise<UssAttributes> {
  const res = await send({ method: "GET", path: FS, query: { path }, headers: { "X-IBM-Max-Items": "1" }, repeatable: true });
  const item = parseBody(listSchema, res.data, "GET", FS).items[0];
  const mode = item?.mode?.slice(-9);
  return {
    ...(mode && SYMBOLIC.test(mode) ? { mode } : {}),
    ...(item?.user && item.group ? { owner: { user: item.user, group: item.group } } : {}),
  };
}

/** The chown utility (PUT with {"request":"chown"}): owner and group, by name. */
async function chownUss(send: Send, path: string, owner: { readonly user: string; readonly group: string }): Promise<void> {
  await send({
    method: "PUT",
    path: `${FS}/${ussPath(path)}`,
    body: { request: "chown", owner: owner.user, group: owner.group },
    repeatable: true,
  });
}

/**
 * A UNIX file's permission bits and owner, and setting them: what keeps a copy of a file
 * as private as its original. Create and chmod take the nine letters without the type.
 */
export function createUssModeApi(send: Send) {
  return {
    ussAttributes: async (path: string): Promise<UssAttributes> => ussAttributes(send, path),
    /** The file's permission bits (rw-------), or undefined when z/OSMF did not show them. */
    ussMode: async (path: string): Promise<string | undefined> => (await ussAttributes(send, path)).mode,
    /** Creates an empty file with these permission bits (POST, type file). */
    async createUss(path: string, mode: string): Promise<void> {
      await send({ method: "POST", path: `${FS}/${ussPath(path)}`, body: { type: "file", mode } });
    },
    /** The chmod utility (PUT with {"request":"chmod"}): exact bits, whatever the server's umask did on create. */
    async chmodUss(path: string, mode: string): Promise<void> {
      await send({ method: "PUT", path: `${FS}/${ussPath(path)}`, body: { request: "chmod", mode }, repeatable: true });
    },
    chownUss: async (path: string, owner: { readonly user: string; readonly group: string }): Promise<void> => chownUss(send, path, owner),
  };
}

export type UssModeApi = ReturnType<typeof createUssModeApi>;
