import { z } from "zod";
import type { Send } from "./http";
import { ussPath } from "./names";
import { parseBody } from "./parse";

const FS = "/zosmf/restfiles/fs";
const listSchema = z.looseObject({ items: z.array(z.looseObject({ name: z.string(), mode: z.string().nullish() })) });

/** Permission bits in the nine-letter form z/OSMF's create and chmod take (rw-------). */
const SYMBOLIC = /^[r-][w-][xsS-][r-][w-][xsS-][r-][w-][xtT-]$/;

/**
 * A UNIX file's permission bits, and setting them: what keeps a copy of a file as private
 * as its original. Listing a file by its path gives one item whose `mode` is `-rw-------`
 * (files list, §2.9); create and chmod take the nine letters without the type.
 */
export function createUssModeApi(send: Send) {
  return {
    /** The file's permission bits (rw-------), or undefined when z/OSMF did not show them. */
    async ussMode(path: string): Promise<string | undefined> {
      const res = await send({ method: "GET", path: FS, query: { path }, headers: { "X-IBM-Max-Items": "1" }, repeatable: true });
      const mode = parseBody(listSchema, res.data, "GET", FS).items[0]?.mode?.slice(-9);
      return mode && SYMBOLIC.test(mode) ? mode : undefined;
    },
    /** Creates an empty file with these permission bits (POST, type file). */
    async createUss(path: string, mode: string): Promise<void> {
      await send({ method: "POST", path: `${FS}/${ussPath(path)}`, body: { type: "file", mode } });
    },
    /** The chmod utility (PUT with {"request":"chmod"}): exact bits, whatever the server's umask did on create. */
    async chmodUss(path: string, mode: string): Promise<void> {
      await send({ method: "PUT", path: `${FS}/${ussPath(path)}`, body: { request: "chmod", mode }, repeatable: true });
    },
  };
}

export type UssModeApi = ReturnType<typeof createUssModeApi>;
