/**
 * IEBCOPY (members between partitioned data sets) and IEBGENER (one sequential input to
 * a member, a sequential data set, a USS file or SYSOUT). Content is copied unchanged;
 * every written member gets a new ETag and ISPF statistics of the submitter.
 */
import type { DdStatement } from "../jes/steps";
import type { Program, ProgramContext } from "../jes/types";
import type { PdsDataset } from "../state";
import { findDd, nextEtag, readDd, splitDsn, writeMember } from "./dd";
import { copyMsg } from "./messages";
import { type Operand, OperandError, parseOperands, words } from "./operands";

function pdsOf(ctx: ProgramContext, ddname: string): PdsDataset | undefined {
  const dd = findDd(ctx.step, ddname)[0];
  if (!dd?.dsn) return undefined;
  const ds = ctx.state.datasets[splitDsn(dd.dsn).dsn];
  return ds?.dsorg === "PO" ? ds : undefined;
}

interface CopyGroup {
  outdd: string;
  indds: { dd: string; replace: boolean }[];
  selects: { name: string; newName?: string; replace: boolean }[];
  excludes: string[];
}

/** Keyword operands `K=V`, `K=(...)`; returns upper-case key → operand value. */
function keywordOperands(text: string): Record<string, Operand> {
  const out: Record<string, Operand> = {};
  for (const op of parseOperands(text, false)) {
    const eq = op.word.indexOf("=");
    if (eq < 0) throw new OperandError("keyword expected", op.word);
    const key = op.word.slice(0, eq).toUpperCase();
    const rest = op.word.slice(eq + 1);
    out[key] = rest ? { word: rest, quoted: false, sub: op.sub } : { word: "", quoted: false, sub: op.sub };
  }
  return out;
}

const listOf = (op: Operand): Operand[] => (op.word === "" && op.sub ? op.sub : [op]);

/** IEBCOPY control statements: COPY/C, SELECT/S, EXCLUDE/E, continued by a trailing comma. */
function parseIebcopy(lines: string[]): CopyGroup[] | { error: string } {
  const statements: string[] = [];
  let pending = "";
  for (const raw of lines) {
    const line = (raw.length > 71 ? raw.slice(0, 71) : raw).trim();
    if (line === "" || line.startsWith("*")) continue;
    pending = pending ? `${pending}${line}` : line;
    if (!pending.endsWith(",")) {
      statements.push(pending);
      pending = "";
    }
  }
  if (pending) statements.push(pending);
  const groups: CopyGroup[] = [];
  for (const st of statements) {
    const m = /^(?:[A-Z#$@][A-Z0-9#$@]{0,7}\s+)?(COPY|C|SELECT|S|EXCLUDE|E)\s+(.*)$/i.exec(st);
    if (!m) return { error: st };
    const verb = m[1].toUpperCase();
    let kw: Record<string, Operand>;
    try {
      kw = keywordOperands(m[2]);
    } catch {
      return { error: st };
    }
    if (verb === "COPY" || verb === "C") {
      const out = kw.OUTDD ?? kw.O;
      const ins = kw.INDD ?? kw.I;
      if (!out || !ins) return { error: st };
      const indds = listOf(ins).map((x) => {
        if (x.word === "" && x.sub) {
          const w = words(x.sub).map((v) => v.toUpperCase());
          return { dd: w[0], replace: w.includes("R") };
        }
        return { dd: x.word.toUpperCase(), replace: false };
      });
      groups.push({ outdd: out.word.toUpperCase(), indds, selects: [], excludes: [] });
      continue;
    }
    const g = groups[groups.length - 1];
    const members = kw.MEMBER ?? kw.M;
    if (!g || !members) return { error: st };
    for (const x of listOf(members)) {
      if (verb === "EXCLUDE" || verb === "E") g.excludes.push(x.word.toUpperCase());
      else if (x.word === "" && x.sub) {
        // (A,NEWA,R) renames and replaces; (A,,R) arrives as [A, R] because empty operands are dropped.
        const [name, second, third] = words(x.sub).map((v) => v.toUpperCase());
        if (second === "R" && third === undefined) g.selects.push({ name, replace: true });
        else g.selects.push({ name, newName: second, replace: third === "R" });
      } else g.selects.push({ name: x.word.toUpperCase(), replace: false });
    }
  }
  return groups;
}

export const iebcopy: Program = (ctx) => {
  const out: string[] = [copyMsg.iebcopyHeader, ""];
  const sysin = findDd(ctx.step, "SYSIN");
  let groups: CopyGroup[];
  if (sysin.length === 0 || sysin.every((d) => d.dummy)) {
    groups = [{ outdd: "SYSUT2", indds: [{ dd: "SYSUT1", replace: false }], selects: [], excludes: [] }];
  } else {
    const input = readDd(ctx.state, sysin);
    if ("error" in input) return finish(out, 8, copyMsg.badStatement(input.error));
    out.push(...input.lines.map((l) => ` ${l}`), "");
    const parsed = parseIebcopy(input.lines);
    if ("error" in parsed) return finish(out, 8, copyMsg.badStatement(parsed.error));
    groups = parsed;
  }
  let sev = 0;
  for (const g of groups) {
    const target = pdsOf(ctx, g.outdd);
    if (!target) return finish(out, 8, copyMsg.ddMissing(g.outdd));
    const done = new Set<string>();
    for (const indd of g.indds) {
      const source = pdsOf(ctx, indd.dd);
      if (!source) return finish(out, 8, copyMsg.ddMissing(indd.dd));
      out.push(copyMsg.copyFrom(indd.dd, g.outdd));
      const wanted = g.selects.length
        ? g.selects.filter((s) => !done.has(s.name) && s.name in source.members)
        : Object.keys(source.members)
            .sort()
            .filter((n) => !g.excludes.includes(n))
            .map((name) => ({ name, newName: undefined, replace: false }));
      for (const s of wanted) {
        const to = s.newName ?? s.name;
        const replace = s.replace || indd.replace;
        const existed = to in target.members;
        if (existed && !replace) {
          out.push(copyMsg.notReplaced(to));
          sev = Math.max(sev, 4);
          done.add(s.name);
          continue;
        }
        writeMember(ctx.state, target, to, source.members[s.name].content, ctx.user, ctx.nowIso);
        out.push(s.newName ? copyMsg.copiedRenamed(s.name, to) : existed ? copyMsg.replaced(to) : copyMsg.copied(to));
        done.add(s.name);
      }
    }
    for (const s of g.selects) {
      if (!done.has(s.name)) {
        out.push(copyMsg.memberNotFound(s.name));
        sev = Math.max(sev, 4);
      }
    }
  }
  return finish(out, sev);
};

function finish(out: string[], sev: number, ...extra: string[]) {
  out.push(...extra, copyMsg.endOfJob(sev));
  return { completion: { cc: sev }, outputs: { SYSPRINT: out.join("\n") } };
}

/** The exact text of SYSUT1: a data set's or file's content as stored, instream records joined by \n. */
function readExact(ctx: ProgramContext, dds: DdStatement[]): { text: string } | { error: string } {
  if (dds.length === 1 && !dds[0].instream && !dds[0].dummy) {
    const dd = dds[0];
    if (dd.path) {
      const f = ctx.state.uss.files[dd.path];
      return f ? { text: f.content } : { error: dd.path };
    }
    if (dd.dsn) {
      const ref = splitDsn(dd.dsn, dd.member);
      const ds = ctx.state.datasets[ref.dsn];
      if (ds?.dsorg === "PS") return { text: ds.content };
      if (ds?.dsorg === "PO" && ref.member && ds.members[ref.member]) return { text: ds.members[ref.member].content };
    }
  }
  const r = readDd(ctx.state, dds);
  return "error" in r ? r : { text: r.lines.join("\n") };
}

export const iebgener: Program = (ctx) => {
  const print = [copyMsg.generateHeader];
  const fail = (msg: string) => ({ completion: { cc: 12 }, outputs: { SYSPRINT: [...print, msg].join("\n") } });
  const ut1 = findDd(ctx.step, "SYSUT1");
  const ut2 = findDd(ctx.step, "SYSUT2")[0];
  if (ut1.length === 0) return fail(copyMsg.generateNoInput("SYSUT1"));
  if (!ut2) return fail(copyMsg.generateNoInput("SYSUT2"));
  const input = readExact(ctx, ut1);
  if ("error" in input) return fail(copyMsg.generateNoInput(`SYSUT1 (${input.error})`));
  const outputs: Record<string, string> = {};
  if (ut2.sysout !== undefined) outputs.SYSUT2 = input.text;
  else if (ut2.path) {
    const old = ctx.state.uss.files[ut2.path];
    ctx.state.uss.files[ut2.path] = { ...(old ?? { mode: "644" }), content: input.text, etag: nextEtag(ctx.state) };
  } else if (ut2.dsn) {
    const ref = splitDsn(ut2.dsn, ut2.member);
    const ds = ctx.state.datasets[ref.dsn];
    if (!ds) return fail(copyMsg.generateNoInput(`SYSUT2 (${ref.dsn})`));
    if (ds.dsorg === "PO") {
      if (!ref.member) return fail(copyMsg.generateNoMember);
      writeMember(ctx.state, ds, ref.member, input.text, ctx.user, ctx.nowIso);
    } else if (ds.dsorg === "PS") {
      ds.content = input.text;
      ds.etag = nextEtag(ctx.state);
    } else return fail(copyMsg.generateNoInput(`SYSUT2 (${ref.dsn} IS VSAM)`));
  } else if (!ut2.dummy) return fail(copyMsg.generateNoInput("SYSUT2"));
  print.push(copyMsg.endedAtEod);
  return { completion: { cc: 0 }, outputs: { ...outputs, SYSPRINT: print.join("\n") } };
};
