/**
 * Turns TCP/IP profile text (an obey member) into typed statements plus the console
 * messages the reader issues on the way (§5.1, §5.2). Nothing here touches the state.
 *
 * Statements have no terminator: a statement runs until the next word that starts a
 * statement in the current context (top level, or inside VIPADYNAMIC … ENDVIPADYNAMIC).
 * `PORT` opens a statement at top level but is a keyword of VIPADISTRIBUTE inside the block.
 */
import type { DistMethod, Distribution, DistributionTarget, PortReservation } from "../state";
import { DESTIP_ALL } from "./distribution";
import { DEFAULT_BACKUP_RANK, DEFAULT_WEIGHT, HEALTHSWITCH_DEFAULT, msg } from "./forms";
import { isIpv4, isMask, isNumber, keyword, matchesAny } from "./keywords";
import { profileTokens, type Token } from "./records";

export type Statement =
  | { kind: "IPCONFIG"; line: number; sysplexRouting?: boolean; dynamicXcf?: { address: string; mask: string; cost: number } | null }
  | { kind: "VIPADEFINE"; line: number; moveable: "IMMEDIATE" | "WHENIDLE"; mask: string; addresses: string[] }
  | { kind: "VIPABACKUP"; line: number; rank: number; moveable?: "IMMEDIATE" | "WHENIDLE"; mask?: string; addresses: string[] }
  | { kind: "VIPADELETE"; line: number; addresses: string[] }
  | { kind: "VIPADISTRIBUTE"; line: number; action: "DEFINE" | "DELETE"; dist: Distribution }
  | { kind: "PORT"; line: number; entries: PortReservation[] }
  | { kind: "DELETEPORT"; line: number; entries: { port: number; protocol: "TCP" | "UDP"; jobName: string }[] }
  | { kind: "HOME"; line: number; entries: { address: string; link: string }[] };

export interface ParseResult {
  statements: Statement[];
  /** Console messages in the order the reader issued them. */
  messages: string[];
  /** Statements rejected (syntax errors and rule violations). */
  errorCount: number;
}

const MAX_HOTSTANDBY_BACKUPS = 31;

const K = {
  ipconfig: keyword("IPCONFIG"),
  vipadynamic: keyword("VIPADYNAMIC"),
  endvipadynamic: keyword("ENDVIPADYNAMIC"),
  vipadefine: keyword("VIPADEFine"),
  vipabackup: keyword("VIPABackup"),
  vipadelete: keyword("VIPADELete"),
  vipadistribute: keyword("VIPADISTribute"),
  port: keyword("PORT"),
  delete: keyword("DELEte"),
  define: keyword("DEFINE"),
  distmethod: keyword("DISTMethod"),
  weightedactive: keyword("WEIGHTEDActive"),
  moveable: keyword("MOVEable"),
  immediate: keyword("IMMEDiate"),
  whenidle: keyword("WHENIDLE"),
  noautolog: keyword("NOAUTOLog"),
  delayacks: keyword("DELAYAcks"),
  nodelayacks: keyword("NODELAYAcks"),
  shareport: keyword("SHAREPort"),
  shareportwlm: keyword("SHAREPORTWLM"),
  timedaff: keyword("TIMEDAFFinity"),
  home: keyword("HOME"),
};

/** Block statements the emulator accepts without modelling them. */
const BLOCK_IGNORED = ["VIPARANGE", "VIPAROUTE", "VIPASMPARMS", "VIPAPOLICY"].map((w) => keyword(w));
/** Top-level profile statements the emulator accepts without modelling them. */
const TOP_IGNORED = [
  "ARP",
  "AUTOLOG",
  "ENDAUTOLOG",
  "BEGINROUTES",
  "ENDROUTES",
  "BSDROUTINGPARMS",
  "ENDBSDROUTINGPARMS",
  "DEVICE",
  "LINK",
  "GLOBALCONFIG",
  "INTERFACE",
  "IPCONFIG6",
  "IPSEC",
  "ENDIPSEC",
  "NETMONITOR",
  "PORTRANGE",
  "PRIMARYINTERFACE",
  "SACONFIG",
  "SMFCONFIG",
  "SOMAXCONN",
  "SRCIP",
  "ENDSRCIP",
  "START",
  "STOP",
  "TCPCONFIG",
  "UDPCONFIG",
  "TRANSLATE",
  "INCLUDE",
  "ITRACE",
  "DEFAULTTTLS",
  "GATEWAY",
  "ROUTESA",
  "VIPADYNAMIC6",
].map((w) => keyword(w));

const TOP_STARTS = [K.ipconfig, K.vipadynamic, K.port, K.delete, K.home, ...TOP_IGNORED];
const BLOCK_STARTS = [K.endvipadynamic, K.vipadefine, K.vipabackup, K.vipadelete, K.vipadistribute, ...BLOCK_IGNORED];

class SyntaxError_ {
  constructor(readonly token: Token) {}
}

/** Parses profile text; `dsn` only names the file in messages. */
export function parseProfile(text: string, dsn: string): ParseResult {
  const tokens = profileTokens(text);
  const out: ParseResult = { statements: [], messages: [], errorCount: 0 };
  let i = 0;
  let inBlock = false;

  const nextStart = (from: number, starts: ((w: string) => boolean)[]) => {
    let j = from;
    while (j < tokens.length && !matchesAny(starts, tokens[j].text)) j++;
    return j;
  };
  const syntaxError = (t: Token) => {
    out.messages.push(msg.syntaxError(dsn, t.line, t.upper));
    out.errorCount++;
  };
  const skipBlock = (from: number) => {
    let j = from;
    while (j < tokens.length && !K.endvipadynamic(tokens[j].text)) j++;
    return j < tokens.length ? j + 1 : j;
  };

  while (i < tokens.length) {
    const head = tokens[i];
    const starts = inBlock ? BLOCK_STARTS : TOP_STARTS;
    // `DELETE PORT …`: the PORT that follows DELETE belongs to it.
    const bodyFrom = !inBlock && K.delete(head.text) && tokens[i + 1] && K.port(tokens[i + 1].text) ? i + 2 : i + 1;
    const end = nextStart(bodyFrom, starts);
    const body = tokens.slice(i + 1, end);
    const w = head.text;

    if (!inBlock) {
      if (K.vipadynamic(w)) {
        inBlock = true;
        i = i + 1;
        continue;
      }
      try {
        if (K.ipconfig(w)) out.statements.push(parseIpconfig(head, body));
        else if (K.port(w)) out.statements.push({ kind: "PORT", line: head.line, entries: parsePortEntries(body) });
        else if (K.home(w)) out.statements.push({ kind: "HOME", line: head.line, entries: parseHome(body) });
        else if (K.delete(w)) {
          const st = parseDelete(head, body);
          if (st) out.statements.push(st);
        } else if (!matchesAny(TOP_IGNORED, w)) syntaxError(head);
      } catch (e) {
        if (e instanceof SyntaxError_) syntaxError(e.token);
        else throw e;
      }
      i = end;
      continue;
    }

    // Inside VIPADYNAMIC.
    if (K.endvipadynamic(w)) {
      inBlock = false;
      i = i + 1;
      continue;
    }
    try {
      if (K.vipadefine(w)) out.statements.push(parseVipaDefine(head, body));
      else if (K.vipabackup(w)) out.statements.push(parseVipaBackup(head, body));
      else if (K.vipadelete(w)) out.statements.push(parseVipaDelete(head, body));
      else if (K.vipadistribute(w)) {
        const r = parseVipaDistribute(head, body);
        if ("message" in r) {
          out.messages.push(r.message);
          out.errorCount++;
          if (r.skipBlock) {
            // EZZ0831I: the rest of the VIPADYNAMIC block is ignored too (§5.1).
            i = skipBlock(end);
            inBlock = false;
            continue;
          }
        } else out.statements.push(r);
      } else if (!matchesAny(BLOCK_IGNORED, w)) throw new SyntaxError_(head);
      i = end;
    } catch (e) {
      if (!(e instanceof SyntaxError_)) throw e;
      // A syntax error stops processing of the rest of the block (§5.1).
      syntaxError(e.token);
      i = skipBlock(i + 1);
      inBlock = false;
    }
  }
  return out;
}

function need(body: Token[], k: number, head: Token): Token {
  if (k >= body.length) throw new SyntaxError_(body[body.length - 1] ?? head);
  return body[k];
}

function parseIpconfig(head: Token, body: Token[]): Statement {
  const st: Extract<Statement, { kind: "IPCONFIG" }> = { kind: "IPCONFIG", line: head.line };
  for (let k = 0; k < body.length; k++) {
    const u = body[k].upper;
    if (u === "SYSPLEXROUTING") st.sysplexRouting = true;
    else if (u === "NOSYSPLEXROUTING") st.sysplexRouting = false;
    else if (u === "NODYNAMICXCF") st.dynamicXcf = null;
    else if (u === "DYNAMICXCF") {
      const ip = need(body, k + 1, head);
      const mask = need(body, k + 2, head);
      if (!isIpv4(ip.text)) throw new SyntaxError_(ip);
      if (!isMask(mask.text) && !/^\d{1,2}$/.test(mask.text)) throw new SyntaxError_(mask);
      let cost = 1;
      k += 2;
      if (k + 1 < body.length && isNumber(body[k + 1].text)) cost = Number(body[++k].text);
      st.dynamicXcf = { address: ip.text, mask: mask.text, cost };
    } else if (u === "TCPSTACKSOURCEVIPA") k++;
    // Other IPCONFIG options (SOURCEVIPA, DATAGRAMFWD, ARPTO n, ...) are accepted and not modelled.
  }
  return st;
}

function parseMoveable(body: Token[], k: number, head: Token): { value: "IMMEDIATE" | "WHENIDLE"; next: number } {
  const t = need(body, k + 1, head);
  if (K.immediate(t.text)) return { value: "IMMEDIATE", next: k + 2 };
  if (K.whenidle(t.text)) return { value: "WHENIDLE", next: k + 2 };
  throw new SyntaxError_(t);
}

function skipTier(body: Token[], k: number): number {
  while (k < body.length && ["TIER1", "TIER2", "CPCSCOPE"].includes(body[k].upper)) k++;
  return k;
}

function addresses(body: Token[], k: number, head: Token): string[] {
  if (k >= body.length) throw new SyntaxError_(body[body.length - 1] ?? head);
  return body.slice(k).map((t) => {
    if (!isIpv4(t.text)) throw new SyntaxError_(t);
    return t.text;
  });
}

function parseVipaDefine(head: Token, body: Token[]): Statement {
  let k = skipTier(body, 0);
  let moveable: "IMMEDIATE" | "WHENIDLE" = "IMMEDIATE";
  if (k < body.length && K.moveable(body[k].text)) ({ value: moveable, next: k } = parseMoveable(body, k, head));
  if (k < body.length && body[k].upper === "SERVICEMGR") k++;
  const mask = need(body, k, head);
  if (!isMask(mask.text)) throw new SyntaxError_(mask);
  return { kind: "VIPADEFINE", line: head.line, moveable, mask: mask.text, addresses: addresses(body, k + 1, head) };
}

function parseVipaBackup(head: Token, body: Token[]): Statement {
  let k = 0;
  let rank = 1;
  if (k < body.length && isNumber(body[k].text)) {
    rank = Number(body[k].text);
    if (rank < 1 || rank > 254) throw new SyntaxError_(body[k]);
    k++;
  }
  k = skipTier(body, k);
  if (k < body.length && K.moveable(body[k].text)) {
    const mv = parseMoveable(body, k, head);
    k = mv.next;
    if (k < body.length && body[k].upper === "SERVICEMGR") k++;
    const mask = need(body, k, head);
    if (!isMask(mask.text)) throw new SyntaxError_(mask);
    return { kind: "VIPABACKUP", line: head.line, rank, moveable: mv.value, mask: mask.text, addresses: addresses(body, k + 1, head) };
  }
  return { kind: "VIPABACKUP", line: head.line, rank, addresses: addresses(body, k, head) };
}

function parseVipaDelete(head: Token, body: Token[]): Statement {
  // The IPv4 form may carry a mask first; it is optional here.
  let k = 0;
  if (body.length > 1 && isMask(body[0].text)) k = 1;
  return { kind: "VIPADELETE", line: head.line, addresses: addresses(body, k, head) };
}

const METHODS: [(w: string) => boolean, DistMethod][] = [
  [keyword("BASEWLM"), "BASEWLM"],
  [keyword("ROUNDROBIN"), "ROUNDROBIN"],
  [keyword("SERVERWLM"), "SERVERWLM"],
  [K.weightedactive, "WEIGHTEDACTIVE"],
  [keyword("HOTSTANDBY"), "HOTSTANDBY"],
];

type DistResult = Extract<Statement, { kind: "VIPADISTRIBUTE" }> | { message: string; skipBlock: boolean };

function parseVipaDistribute(head: Token, body: Token[]): DistResult {
  let action: "DEFINE" | "DELETE" = "DEFINE";
  let method: DistMethod = "BASEWLM";
  let autoSwitchBack = true;
  let healthSwitch = HEALTHSWITCH_DEFAULT;
  let optLocal = 0;
  let timedAffinity = 0;
  let sysplexPorts = false;
  /** First HOTSTANDBY-only keyword seen, for EZZ0831I. */
  let hsOnly: Token | undefined;
  let k = 0;

  for (; k < body.length && !isIpv4(body[k].text); k++) {
    const t = body[k];
    const u = t.upper;
    if (K.define(t.text)) action = "DEFINE";
    else if (K.delete(t.text)) action = "DELETE";
    else if (K.distmethod(t.text)) {
      const m = need(body, ++k, head);
      const found = METHODS.find(([kw]) => kw(m.text));
      if (!found) throw new SyntaxError_(m);
      method = found[1];
    } else if (u === "AUTOSWITCHBACK" || u === "NOAUTOSWITCHBACK") {
      autoSwitchBack = u === "AUTOSWITCHBACK";
      hsOnly ??= t;
    } else if (u === "HEALTHSWITCH" || u === "NOHEALTHSWITCH") {
      healthSwitch = u === "HEALTHSWITCH";
      hsOnly ??= t;
    } else if (u === "NOOPTLOCAL") optLocal = 0;
    else if (u === "OPTLOCAL") {
      optLocal = 1;
      if (k + 1 < body.length && isNumber(body[k + 1].text)) optLocal = Number(body[++k].text);
      if (optLocal > 16) throw new SyntaxError_(body[k]);
    } else if (u === "SYSPLEXPORTS") sysplexPorts = true;
    else if (K.timedaff(t.text)) {
      const s = need(body, ++k, head);
      if (!isNumber(s.text)) throw new SyntaxError_(s);
      timedAffinity = Number(s.text);
    } else if (u === "NOTIMEDAFFINITY" || u === "GRE" || u === "ENCAP") continue;
    else if (u === "PROCTYPE" || u === "PROCXCOST") {
      while (k + 2 < body.length && ["CP", "ZAAP", "ZIIP"].includes(body[k + 1].upper) && isNumber(body[k + 2].text)) k += 2;
    } else if (u === "ILWEIGHTING") {
      if (k + 1 < body.length && isNumber(body[k + 1].text)) k++;
    } else throw new SyntaxError_(t);
  }
  const ipTok = need(body, k, head);
  const dvipa = ipTok.text;
  k++;

  const ports: number[] = [];
  if (k < body.length && K.port(body[k].text)) {
    k++;
    while (k < body.length && /^\d+(-\d+)?$/.test(body[k].text)) {
      const [a, b] = body[k].text.split("-").map(Number);
      if (a < 1 || a > 65535 || (b !== undefined && (b < a || b > 65535))) throw new SyntaxError_(body[k]);
      for (let p = a; p <= (b ?? a); p++) ports.push(p);
      k++;
    }
    if (ports.length === 0) throw new SyntaxError_(body[k - 1]);
  }

  const targets: DistributionTarget[] = [];
  let destAll = false;
  let destAllLine = head.line;
  if (k < body.length && body[k].upper === "DESTIP") {
    k++;
    if (k < body.length && body[k].upper === "ALL") {
      destAll = true;
      destAllLine = body[k].line;
      k++;
    }
    while (!destAll && k < body.length && isIpv4(body[k].text)) {
      const target: DistributionTarget = { xcf: body[k].text };
      k++;
      const u = body[k]?.upper;
      if (u === "PREFERRED") {
        target.role = "PREFERRED";
        hsOnly ??= body[k];
        k++;
      } else if (u === "BACKUP") {
        target.role = "BACKUP";
        hsOnly ??= body[k];
        k++;
        target.rank = DEFAULT_BACKUP_RANK;
        if (k < body.length && isNumber(body[k].text)) {
          target.rank = Number(body[k].text);
          if (target.rank < 1 || target.rank > 254) throw new SyntaxError_(body[k]);
          k++;
        }
      } else if (u === "WEIGHT") {
        const n = need(body, k + 1, head);
        if (!isNumber(n.text)) throw new SyntaxError_(n);
        target.weight = Number(n.text);
        k += 2;
      }
      targets.push(target);
    }
  }
  if (k < body.length) throw new SyntaxError_(body[k]);
  if (action === "DEFINE" && !destAll && targets.length === 0) throw new SyntaxError_(body[body.length - 1] ?? head);

  if (action === "DEFINE") {
    if (method === "HOTSTANDBY") {
      if (destAll) return { message: msg.hsDestipAll(destAllLine), skipBlock: false };
      const preferred = targets.filter((t) => t.role === "PREFERRED").length;
      const backups = targets.filter((t) => t.role === "BACKUP").length;
      if (targets.some((t) => !t.role)) return { message: msg.hsMissingRoles(), skipBlock: false };
      if (preferred !== 1 || backups < 1) return { message: msg.hsRoleCount(), skipBlock: false };
      if (backups > MAX_HOTSTANDBY_BACKUPS) return { message: msg.hsTooManyBackups(), skipBlock: false };
    } else if (hsOnly) {
      return { message: msg.hsKeywordWithOtherMethod(hsOnly.upper, hsOnly.line), skipBlock: true };
    }
    if (method === "WEIGHTEDACTIVE") for (const t of targets) t.weight ??= DEFAULT_WEIGHT;
  }
  // DESTIP ALL is kept as the one target the stack shows for it (distribution.ts).
  const dist: Distribution = {
    dvipa,
    ports,
    method,
    autoSwitchBack,
    healthSwitch,
    optLocal,
    targets: destAll ? [{ xcf: DESTIP_ALL }] : targets,
  };
  if (timedAffinity) dist.timedAffinity = timedAffinity;
  if (sysplexPorts) dist.sysplexPorts = true;
  return { kind: "VIPADISTRIBUTE", line: head.line, action, dist };
}

const PROTOCOLS = ["TCP", "UDP"];

/** PORT entries: `num TCP|UDP jobname [options]`, several may follow one PORT keyword. */
/**
 * `HOME ip_addr link_name …` (halz001 HOME statement; INF, not in the facts): pairs of an address and the link
 * it is on. An entry in error is a syntax error and the statement is ignored (INF: the DOC
 * rule for lists is that the rest of the list is ignored; the emulator ignores all of it).
 */
function parseHome(body: Token[]): { address: string; link: string }[] {
  const entries: { address: string; link: string }[] = [];
  for (let k = 0; k < body.length; k += 2) {
    if (!isIpv4(body[k].text)) throw new SyntaxError_(body[k]);
    const link = body[k + 1];
    if (!link || !/^[A-Z0-9@#$]{1,16}$/.test(link.upper)) throw new SyntaxError_(link ?? body[k]);
    entries.push({ address: body[k].text, link: link.upper });
  }
  return entries;
}

function parsePortEntries(body: Token[]): PortReservation[] {
  const entries: PortReservation[] = [];
  let k = 0;
  if (body.length === 0) return entries;
  while (k < body.length) {
    const t = body[k];
    if (t.upper === "UNRSV") {
      // Unreserved-port rules are accepted and not modelled: skip `UNRSV proto job [options]`.
      k += 3;
      while (k < body.length && !isNumber(body[k].text) && body[k].upper !== "UNRSV") k++;
      continue;
    }
    if (!isNumber(t.text) || Number(t.text) < 1 || Number(t.text) > 65535) throw new SyntaxError_(t);
    const proto = body[k + 1];
    if (!proto || !PROTOCOLS.includes(proto.upper)) throw new SyntaxError_(proto ?? t);
    const job = body[k + 2];
    if (!job || !/^[A-Z0-9@#$*?]{1,8}$/.test(job.upper)) throw new SyntaxError_(job ?? proto);
    const entry: PortReservation = { port: Number(t.text), protocol: proto.upper as "TCP" | "UDP", jobName: job.upper, share: "NONE" };
    k += 3;
    // §5.1 DOC: the options come in a fixed order (NOAUTOLOG, DELAYACKS|NODELAYACKS,
    // SHAREPORT|SHAREPORTWLM, BIND, SAF, NOSMC|SMC), each at most once. One that goes
    // back (or repeats its place) is a syntax error, and the statement is ignored.
    let place = -1;
    const inOrder = (o: Token, at: number) => {
      if (at <= place) throw new SyntaxError_(o);
      place = at;
    };
    for (; k < body.length && !isNumber(body[k].text) && body[k].upper !== "UNRSV"; k++) {
      const o = body[k];
      if (K.noautolog(o.text)) {
        inOrder(o, 0);
        entry.noAutoLog = true;
      } else if (K.nodelayacks(o.text)) {
        inOrder(o, 1);
        entry.delayAcks = false;
      } else if (K.delayacks(o.text)) {
        inOrder(o, 1);
        entry.delayAcks = true;
      } else if (K.shareportwlm(o.text)) {
        inOrder(o, 2);
        entry.share = "SHAREPORTWLM";
      } else if (K.shareport(o.text)) {
        inOrder(o, 2);
        entry.share = "SHAREPORT";
      } else if (o.upper === "BIND") {
        inOrder(o, 3);
        const ip = body[++k];
        if (!ip || !isIpv4(ip.text)) throw new SyntaxError_(ip ?? o);
        entry.bind = ip.text;
      } else if (o.upper === "SAF") {
        inOrder(o, 4);
        const name = body[++k];
        if (!name || !/^[A-Z0-9@#$]{1,8}$/.test(name.upper)) throw new SyntaxError_(name ?? o);
        entry.saf = name.upper;
      } else if (o.upper === "SMC" || o.upper === "NOSMC") inOrder(o, 5);
      else throw new SyntaxError_(o);
    }
    entries.push(entry);
  }
  return entries;
}

/** `DELEte PORT entries` (port removal, see forms.ts); DELETE of other objects is accepted and not modelled. */
function parseDelete(head: Token, body: Token[]): Statement | null {
  const what = need(body, 0, head);
  if (!K.port(what.text)) {
    if (["DEVICE", "DEV", "LINK", "PORTRANGE", "PORTR"].some((w) => what.upper.startsWith(w))) return null;
    throw new SyntaxError_(what);
  }
  const entries = parsePortEntries(body.slice(1)).map((e) => ({ port: e.port, protocol: e.protocol, jobName: e.jobName }));
  if (entries.length === 0) throw new SyntaxError_(what);
  return { kind: "DELETEPORT", line: head.line, entries };
}
