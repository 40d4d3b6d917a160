/**
 * BPXBATCH SH with the few shell commands the provisioning jobs need: mkdir, mount,
 * chown, chmod. The script comes from PARM or from STDPARM records. Any other
 * command is reported on STDERR and makes the step end non-zero (never silently skipped).
 */
import type { Program, ProgramContext } from "../jes/types";
import { findDd, nextEtag, readDd } from "./dd";
import { bpxMsg } from "./messages";
import { makeDirectory, normalizePath, setAttributes, treeOf } from "./uss";
import { mountFileSystem } from "./zfs";

interface Shell {
  ctx: ProgramContext;
  stdout: string[];
  stderr: string[];
  unsupported: boolean;
}

/**
 * Split a script into commands of words as the shell does (POSIX "Token Recognition"):
 * '...' keeps every character, "..." and a backslash quote too, adjacent quoted and plain
 * parts make one word, and `;`, a new line or `&&` separate commands only outside quotes.
 */
function parseScript(script: string): { words: string[]; andThen: boolean }[] {
  const commands: { words: string[]; andThen: boolean }[] = [];
  let words: string[] = [];
  let word: string | null = null;
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const endCommand = (andThen: boolean) => {
    endWord();
    commands.push({ words, andThen });
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === "'") {
      const close = script.indexOf("'", i + 1);
      const end = close < 0 ? script.length : close;
      word = (word ?? "") + script.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      const close = script.indexOf('"', i + 1);
      const end = close < 0 ? script.length : close;
      word = (word ?? "") + script.slice(i + 1, end);
      i = end;
    } else if (c === "\\" && i + 1 < script.length) {
      word = (word ?? "") + script[++i];
    } else if (c === ";" || c === "\n") {
      endCommand(false);
    } else if (c === "&" && script[i + 1] === "&") {
      endCommand(true);
      i++;
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      word = (word ?? "") + c;
    }
  }
  endCommand(false);
  return commands.filter((cmd) => cmd.words.length > 0);
}

/** Options of the form -p, -pR, -m 755 (flags listed in `withValue` take the next word). */
function options(args: string[], withValue: string[]): { flags: Record<string, string | true>; rest: string[] } {
  const flags: Record<string, string | true> = {};
  let i = 0;
  for (; i < args.length && args[i].startsWith("-") && args[i] !== "-"; i++) {
    if (args[i] === "--") {
      i++;
      break;
    }
    for (const f of args[i].slice(1)) {
      if (withValue.includes(f)) {
        flags[f] = args[++i] ?? "";
        break;
      }
      flags[f] = true;
    }
  }
  return { flags, rest: args.slice(i) };
}

function mkdirCmd(args: string[], sh: Shell): number {
  const { flags, rest } = options(args, ["m"]);
  if (rest.length === 0) return usage("mkdir", sh);
  let status = 0;
  for (const p of rest) {
    const r = makeDirectory(sh.ctx.state, normalizePath(p), {
      parents: flags.p === true,
      mode: typeof flags.m === "string" ? flags.m : undefined,
      owner: sh.ctx.user,
    });
    if (!r.ok) {
      sh.stderr.push(r.errno === "EEXIST" ? bpxMsg.exists(p) : bpxMsg.noSuchPath(p));
      status = 1;
    }
  }
  return status;
}

function mountCmd(args: string[], sh: Shell): number {
  const { flags, rest } = options(args, ["t", "f", "o", "s", "q"]);
  if (typeof flags.f !== "string" || rest.length !== 1) return usage("mount", sh);
  const type = (typeof flags.t === "string" ? flags.t : "zfs").toUpperCase();
  if (type !== "ZFS" && type !== "HFS" && type !== "TFS") return usage("mount", sh);
  const r = mountFileSystem(sh.ctx.state, {
    fsname: flags.f,
    mountpoint: rest[0],
    mode: flags.r ? "rdonly" : "rdwr",
    sysname: sh.ctx.system,
    fstype: type,
  });
  (r.rc === 0 ? sh.stdout : sh.stderr).push(...r.lines);
  return r.rc === 0 ? 0 : 1;
}

function chownCmd(args: string[], sh: Shell): number {
  const { flags, rest } = options(args, []);
  if (rest.length < 2) return usage("chown", sh);
  const [owner, group] = rest[0].split(":");
  let status = 0;
  for (const p of rest.slice(1)) {
    const targets = flags.R ? treeOf(sh.ctx.state, p) : [p];
    for (const t of targets) {
      if (!setAttributes(sh.ctx.state, t, { owner: owner || undefined, group: group || undefined })) {
        sh.stderr.push(bpxMsg.noSuchPath(p));
        status = 1;
      }
    }
  }
  return status;
}

function chmodCmd(args: string[], sh: Shell): number {
  const { flags, rest } = options(args, []);
  if (rest.length < 2) return usage("chmod", sh);
  let status = 0;
  for (const p of rest.slice(1)) {
    const targets = flags.R ? treeOf(sh.ctx.state, p) : [p];
    for (const t of targets) {
      if (!setAttributes(sh.ctx.state, t, { mode: rest[0] })) {
        sh.stderr.push(bpxMsg.noSuchPath(p));
        status = 1;
      }
    }
  }
  return status;
}

function usage(cmd: string, sh: Shell): number {
  sh.stderr.push(bpxMsg.usage(cmd));
  return 2;
}

const COMMANDS: Record<string, (args: string[], sh: Shell) => number> = {
  mkdir: mkdirCmd,
  mount: mountCmd,
  chown: chownCmd,
  chmod: chmodCmd,
};

/** Run the script: `;` and new lines separate commands, `&&` runs the next only on success. */
function runScript(script: string, sh: Shell): number {
  let status = 0;
  let skip = false;
  for (const { words: w, andThen } of parseScript(script)) {
    if (!skip) {
      const name = w[0]!.slice(w[0]!.lastIndexOf("/") + 1);
      const fn = COMMANDS[name];
      if (!fn) {
        sh.stderr.push(bpxMsg.unsupported(w[0]!));
        sh.unsupported = true;
        status = bpxMsg.unsupportedRc;
      } else status = fn(w.slice(1), sh);
    }
    // After a failure, the rest of an && chain is skipped; a ; starts afresh.
    skip = andThen && (skip || status !== 0);
  }
  return status;
}

function writeStream(ctx: ProgramContext, ddname: string, lines: string[], outputs: Record<string, string>): void {
  const dd = findDd(ctx.step, ddname)[0];
  if (!dd || dd.dummy) return;
  const text = lines.join("\n");
  if (dd.path) {
    const old = ctx.state.uss.files[dd.path];
    ctx.state.uss.files[dd.path] = { ...(old ?? { mode: "644" }), content: text, etag: nextEtag(ctx.state) };
  } else outputs[ddname] = text;
}

/** PARM text without the outer parentheses and quotes JCL needs around it. */
function stripParm(parm: string | undefined): string {
  let p = (parm ?? "").trim();
  while (/^\(.*\)$/s.test(p)) p = p.slice(1, -1).trim();
  if (/^'.*'$/s.test(p)) p = p.slice(1, -1).replace(/''/g, "'");
  return p;
}

export const bpxbatch: Program = (ctx) => {
  const sh: Shell = { ctx, stdout: [], stderr: [], unsupported: false };
  let text = stripParm(ctx.step.parm);
  const stdparm = findDd(ctx.step, "STDPARM");
  if (stdparm.length) {
    const r = readDd(ctx.state, stdparm);
    // STDPARM replaces PARM when both are given (IBM, "Passing parameter data to BPXBATCH").
    // Each record is one argument, trailing blanks dropped; for SH the arguments make one
    // command line joined by blanks, so a command may go on over records (3P: IBM and
    // vendor samples write `SH mkdir -p 755` and the path on the next record).
    if (!("error" in r))
      text = r.lines
        .map((l) => l.replace(/\s+$/, ""))
        .filter((l) => l !== "")
        .join(" ");
  }
  const m = /^\s*(SH|PGM)\b\s*([\s\S]*)$/i.exec(text);
  let status: number;
  if (!m || m[2].trim() === "") {
    sh.stderr.push(bpxMsg.noScript);
    status = bpxMsg.failRc;
  } else if (m[1].toUpperCase() === "PGM") {
    sh.stderr.push(bpxMsg.pgmUnsupported);
    status = bpxMsg.failRc;
  } else status = runScript(m[2], sh);
  // A command the emulator cannot run fails the step even if a later one succeeded.
  if (sh.unsupported && status === 0) status = bpxMsg.unsupportedRc;
  const outputs: Record<string, string> = {};
  writeStream(ctx, "STDOUT", sh.stdout, outputs);
  writeStream(ctx, "STDERR", sh.stderr, outputs);
  return { completion: { cc: status }, outputs };
};
