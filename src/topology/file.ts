import { constants } from "node:fs";
import { open, realpath, stat } from "node:fs/promises";
import { TopologyError } from "./problems";

/** A topology is a few kilobytes; anything past this is a mistake or an attack, not a sysplex. */
export const MAX_TOPOLOGY_BYTES = 1024 * 1024;

const BOM = [0xef, 0xbb, 0xbf];

function refuse(file: string, message: string): TopologyError {
  return new TopologyError(file, [{ path: "", message }]);
}

/**
 * Reads the topology file as text. Only a regular file of at most 1 MB of UTF-8 is
 * accepted. What the path is gets checked before it is opened, and it is opened
 * non-blocking, so a named pipe or a device can never hold the command; symbolic
 * links are followed and a loop among them is reported.
 */
export async function readTopologyText(file: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(file);
  } catch (err) {
    throw refuse(file, describeOpenError(err));
  }
  const before = await stat(real).catch((err: unknown) => {
    throw refuse(file, describeOpenError(err));
  });
  checkKind(file, before);

  let bytes: Buffer;
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK).catch((err: unknown) => {
    throw refuse(file, describeOpenError(err));
  });
  try {
    // The path may have been swapped since it was looked at: judge what was opened.
    checkKind(file, await handle.stat());
    const buffer = Buffer.alloc(MAX_TOPOLOGY_BYTES + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_TOPOLOGY_BYTES) throw refuse(file, tooLarge(length));
    }
    bytes = buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
  return decodeUtf8(file, bytes);
}

function tooLarge(size: number): string {
  return `the file is larger than ${MAX_TOPOLOGY_BYTES} bytes (${size === MAX_TOPOLOGY_BYTES + 1 ? "more" : size} bytes); allowed: a topology file of at most 1 MB`;
}

function checkKind(
  file: string,
  s: { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; size: number },
): void {
  if (!s.isFile()) {
    const kind = s.isDirectory()
      ? "a directory"
      : s.isFIFO()
        ? "a named pipe"
        : s.isSocket()
          ? "a socket"
          : "a device or other special file";
    throw refuse(file, `is ${kind}; allowed: a regular file holding the topology (YAML or JSON)`);
  }
  if (s.size > MAX_TOPOLOGY_BYTES) throw refuse(file, tooLarge(s.size));
}

function describeOpenError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return "the file does not exist; allowed: the path of a topology file (YAML or JSON)";
    case "ELOOP":
      return "the path is a loop of symbolic links; allowed: a path that leads to a regular file";
    case "EACCES":
    case "EPERM":
      return "the file cannot be read (permission denied); allowed: a topology file this user may read";
    case "ENOTDIR":
      return "a part of the path is not a directory; allowed: the path of a topology file";
    default:
      return `the file cannot be read (${code ?? "read error"}); allowed: a readable topology file`;
  }
}

/** UTF-8 with or without a byte-order mark; an invalid byte is reported where it is, never replaced. */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  const other = otherEncoding(bytes);
  if (other) throw refuse(file, `the file is ${other} (it starts with that byte-order mark); allowed: UTF-8 text (save the file as UTF-8)`);
  const start = BOM.every((b, i) => bytes[i] === b) ? BOM.length : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const offset = start + firstInvalidUtf8(body);
    throw refuse(
      file,
      `the file is not valid UTF-8 (first bad byte at offset ${offset}, 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")}); allowed: UTF-8 text`,
    );
  }
}

/** UTF-16 and UTF-32 byte-order marks: such a file is readable text, only in an encoding not accepted here. */
function otherEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? "UTF-32 little-endian" : "UTF-16 little-endian";
  if (a === 0xfe && b === 0xff) return "UTF-16 big-endian";
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return "UTF-32 big-endian";
  return undefined;
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b === 0xe0) [need, min] = [2, 0xa0];
    else if (b === 0xed) [need, min, max] = [2, 0x80, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) [need, min] = [2, 0x80];
    else if (b === 0xf0) [need, min] = [3, 0x90];
    else if (b === 0xf4) [need, min, max] = [3, 0x80, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) [need, min] = [3, 0x80];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
