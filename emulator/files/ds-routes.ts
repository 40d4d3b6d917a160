/** §2 `/zosmf/restfiles/ds`: list, members, read, write, create, copy/rename, delete. */
import type { IncomingMessage } from "node:http";
import { header, parseJsonObject } from "../http/body";
import type { RequestScope } from "../http/context";
import type { Reply } from "../http/reply";
import { globMatch } from "../faults";
import { nextEtag } from "../ids";
import { isValidDsn } from "../programs/idcams-parser";
import type { Dataset, PdsDataset, SeqDataset } from "../state";
import { fileErrors, writeStatus } from "../zosmf-forms";
import { datasetItems, memberItem } from "./ds-attributes";
import { dslevelMatcher, parseDsPath } from "./ds-names";
import { etagHeader, ifMatchAccepts, wantsEtag } from "./etag";

const ROOT = "/zosmf/restfiles/ds";

function maxItems(req: IncomingMessage): number {
  const n = Number(header(req, "x-ibm-max-items") ?? "1000");
  return Number.isFinite(n) && n > 0 ? n : Infinity;
}

/** Text as stored: LF line ends, no trailing blanks on records, no final newline. */
export function normaliseRecords(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\n$/, "")
    .split("\n")
    .map((l) => l.replace(/ +$/, ""))
    .join("\n");
}

/** Records as z/OSMF returns them in text mode: each followed by a newline. */
const asRecords = (content: string) => (content === "" ? "" : `${content}\n`);

export async function handleDatasets(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL, body: string): Promise<void> {
  const method = req.method ?? "GET";
  const rest = url.pathname.slice(ROOT.length).replace(/^\//, "");
  if (rest === "") return method === "GET" ? listDatasets(scope, req, reply, url) : reply.error(fileErrors.badUtilityRequest(method));
  if (method === "GET" && rest.endsWith("/member")) return listMembers(scope, req, reply, url, rest.slice(0, -"/member".length));
  const target = parseDsPath(rest);
  switch (method) {
    case "GET":
      return read(scope, req, reply, target);
    case "PUT": {
      const json = (header(req, "content-type") ?? "").includes("application/json") ? parseJsonObject(body) : undefined;
      if (json && typeof json.request === "string") return utility(scope, reply, target, json);
      return write(scope, req, reply, target, body);
    }
    case "POST":
      return create(scope, reply, target.dsn, parseJsonObject(body));
    case "DELETE":
      return remove(scope, reply, target);
  }
  reply.error(fileErrors.badUtilityRequest(method));
}

function listDatasets(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL): void {
  const level = url.searchParams.get("dslevel") ?? "";
  const attributes = (header(req, "x-ibm-attributes") ?? "dsname").toLowerCase();
  const matches = dslevelMatcher(level);
  const start = url.searchParams.get("start")?.toUpperCase();
  const all = Object.values(scope.ctx.state.datasets)
    .flatMap((ds) => datasetItems(ds, attributes))
    .filter((item) => matches(item.dsname) && (!start || item.dsname >= start))
    .sort((a, b) => (a.dsname < b.dsname ? -1 : a.dsname > b.dsname ? 1 : 0));
  const max = maxItems(req);
  const items = all.slice(0, max);
  const doc: Record<string, unknown> = { items, returnedRows: items.length, JSONversion: 1 };
  if (all.length > items.length) doc.moreRows = true;
  if (attributes.includes("total")) doc.totalRows = all.length;
  reply.json(200, doc);
}

function listMembers(scope: RequestScope, req: IncomingMessage, reply: Reply, url: URL, rawDsn: string): void {
  const { dsn } = parseDsPath(rawDsn);
  const ds = scope.ctx.state.datasets[dsn];
  if (!ds || ds.dsorg !== "PO") return reply.error(fileErrors.listMembersNotFound(dsn));
  const pattern = (url.searchParams.get("pattern") ?? "*").toUpperCase();
  const start = url.searchParams.get("start")?.toUpperCase();
  const base = (header(req, "x-ibm-attributes") ?? "member").toLowerCase().includes("base");
  const names = Object.keys(ds.members)
    .filter((n) => globMatch(pattern, n) && (!start || n >= start))
    .sort();
  const max = maxItems(req);
  const items = names.slice(0, max).map((n) => memberItem(n, ds.members[n], base));
  const doc: Record<string, unknown> = { items, returnedRows: items.length, JSONversion: 1 };
  if (names.length > items.length) doc.moreRows = true;
  reply.json(200, doc);
}

function read(scope: RequestScope, req: IncomingMessage, reply: Reply, target: ReturnType<typeof parseDsPath>): void {
  const ds = scope.ctx.state.datasets[target.dsn];
  if (!ds) return reply.error(fileErrors.datasetNotFound(target.dsn));
  let content: string;
  let etag: string;
  if (ds.dsorg === "PO") {
    if (!target.member) return reply.error(fileErrors.wrongOrganization(target.dsn));
    const member = ds.members[target.member];
    if (!member) return reply.error(fileErrors.memberNotFound(target.dsn, target.member));
    ({ content, etag } = member);
  } else if (ds.dsorg === "PS" && !target.member) {
    ({ content, etag } = ds);
  } else {
    return reply.error(fileErrors.wrongOrganization(target.dsn));
  }
  reply.text(200, asRecords(content), wantsEtag(req) ? etagHeader(etag) : {});
}

function checkRecordLengths(ds: PdsDataset | SeqDataset, content: string): number | null {
  // Variable records carry a 4-byte descriptor inside LRECL.
  const max = ds.recfm.startsWith("V") ? ds.lrecl - 4 : ds.lrecl;
  const lines = content.split("\n");
  const bad = lines.findIndex((l) => l.length > max);
  return bad < 0 ? null : bad + 1;
}

function write(scope: RequestScope, req: IncomingMessage, reply: Reply, target: ReturnType<typeof parseDsPath>, body: string): void {
  const { state } = scope.ctx;
  const ds = state.datasets[target.dsn];
  if (!ds) return reply.error(fileErrors.datasetNotFound(target.dsn));
  if (ds.dsorg === "VS" || (ds.dsorg === "PO") !== Boolean(target.member)) return reply.error(fileErrors.wrongOrganization(target.dsn));
  const content = normaliseRecords(body);
  const badLine = checkRecordLengths(ds, content);
  if (badLine !== null) return reply.error(fileErrors.recordTruncated(target.dsn, badLine, ds.lrecl));
  if (ds.dsorg === "PS") {
    if (!ifMatchAccepts(req, ds.etag)) return reply.empty(412);
    ds.content = content;
    ds.etag = nextEtag(state);
    return reply.empty(writeStatus.replaced, etagHeader(ds.etag));
  }
  const name = target.member as string;
  const existing = ds.members[name];
  if (!ifMatchAccepts(req, existing?.etag)) return reply.empty(412);
  const etag = nextEtag(state);
  ds.members[name] = { content, etag, user: scope.user, changed: scope.ctx.clock.iso() };
  reply.empty(existing ? writeStatus.replaced : writeStatus.created, etagHeader(etag));
}

function create(scope: RequestScope, reply: Reply, dsn: string, body: Record<string, unknown> | undefined): void {
  const { state, clock } = scope.ctx;
  // §2.3: the name must follow the data set name rules, and the JSON body carries the
  // attributes; with neither dsorg nor like there is nothing to allocate from.
  if (!isValidDsn(dsn)) return reply.error(fileErrors.invalidDsn(dsn));
  if (!body || (body.dsorg === undefined && body.like === undefined)) return reply.error(fileErrors.createNeedsAttributes());
  if (state.datasets[dsn]) return reply.error(fileErrors.alreadyExists());
  const like = typeof body.like === "string" ? state.datasets[body.like.toUpperCase()] : undefined;
  const pick = <T>(key: string, fallback: T): T =>
    (body[key] as T | undefined) ?? (like as unknown as Record<string, T> | undefined)?.[key] ?? fallback;
  const dsntype = String(pick("dsntype", like?.dsorg === "PO" ? (like.dsntype ?? "PDS") : "PDS")).toUpperCase();
  const dsorg = String(pick("dsorg", like?.dsorg ?? "PS")).toUpperCase();
  const common = {
    name: dsn,
    volser: String(pick("volser", like?.volser ?? "VOL001")).toUpperCase(),
    created: clock.iso(),
    recfm: String(pick("recfm", "FB")).toUpperCase(),
    lrecl: Number(pick("lrecl", 80)),
    blksize: Number(pick("blksize", 6160)),
  };
  let ds: Dataset;
  if (dsorg.startsWith("PO") || dsntype === "LIBRARY") {
    ds = { ...common, dsorg: "PO", members: {}, ...(dsntype === "LIBRARY" ? { dsntype: "LIBRARY" as const } : {}) };
  } else {
    ds = { ...common, dsorg: "PS", content: "", etag: nextEtag(state) };
  }
  state.datasets[dsn] = ds;
  reply.empty(201);
}

function remove(scope: RequestScope, reply: Reply, target: ReturnType<typeof parseDsPath>): void {
  const { state } = scope.ctx;
  const ds = state.datasets[target.dsn];
  if (!target.member) {
    if (!ds) return reply.error(fileErrors.deleteNotFound(target.dsn));
    delete state.datasets[target.dsn];
    return reply.empty(204);
  }
  if (!ds) return reply.error(fileErrors.datasetNotFound(target.dsn));
  if (ds.dsorg !== "PO") return reply.error(fileErrors.wrongOrganization(target.dsn));
  if (!ds.members[target.member]) return reply.error(fileErrors.memberNotFound(target.dsn, target.member));
  delete ds.members[target.member];
  reply.empty(204);
}

/** §2.5 copy and rename (JSON body on PUT). */
function utility(scope: RequestScope, reply: Reply, target: ReturnType<typeof parseDsPath>, body: Record<string, unknown>): void {
  const { state } = scope.ctx;
  const request = String(body.request).toLowerCase();
  const from = (body["from-dataset"] ?? {}) as { dsn?: string; member?: string };
  const fromDsn = String(from.dsn ?? "").toUpperCase();
  const fromMember = from.member ? String(from.member).toUpperCase() : undefined;
  const source = state.datasets[fromDsn];

  if (request === "rename" && !target.member) {
    if (!source) return reply.error(fileErrors.datasetNotFound(fromDsn));
    if (state.datasets[target.dsn]) return reply.error(fileErrors.alreadyExists());
    delete state.datasets[fromDsn];
    state.datasets[target.dsn] = { ...source, name: target.dsn };
    return reply.empty(200);
  }
  if (request !== "copy" && request !== "rename") return reply.error(fileErrors.badUtilityRequest(request));

  const dest = state.datasets[target.dsn];
  if (!source) return reply.error(fileErrors.datasetNotFound(fromDsn));
  if (!dest) return reply.error(fileErrors.datasetNotFound(target.dsn));
  const replace = body.replace === true;

  if (source.dsorg === "PS" && dest.dsorg === "PS") {
    dest.content = source.content;
    dest.etag = nextEtag(state);
    return reply.empty(200);
  }
  if (source.dsorg !== "PO" || dest.dsorg !== "PO") return reply.error(fileErrors.wrongOrganization(target.dsn));
  const names = !fromMember || fromMember === "*" ? Object.keys(source.members) : [fromMember];
  for (const name of names) if (!source.members[name]) return reply.error(fileErrors.memberNotFound(fromDsn, name));
  const pairs = names.map((name) => [name, names.length === 1 && target.member ? target.member : name] as const);
  for (const [, to] of pairs)
    if (dest.members[to] && !replace && request === "copy") return reply.error(fileErrors.copyNoReplace(`${target.dsn}(${to})`));
  for (const [name, to] of pairs) {
    dest.members[to] = { ...source.members[name], etag: nextEtag(state), user: scope.user, changed: scope.ctx.clock.iso() };
    if (request === "rename" && (source !== dest || name !== to)) delete source.members[name];
  }
  reply.empty(200);
}
