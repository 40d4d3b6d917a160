import { certificateEndDate, classifyListing } from "../../../racf/racf-output";
import { securityCatalogue, type SecurityItem } from "../../../racf/security-catalogue";
import { outputOf, splitTsoOutput, type TsoCommandOutput } from "../../../racf/tso-output";
import { distributesOf } from "../../../tcpip/in-force";
import { zosmfHaSystems, type Topology } from "../../../topology";
import { runListingJob } from "../../deep/listing-job";
import type { Check, CheckModule, ReadContext, Snapshot } from "../../types";
import { degraded, failed, fromFailedRead, healthy, sysplexRead, systemRead, type CheckHead } from "../../verdict";
import { display, displayProblem, netstatRead } from "../netstat";
import { buildView } from "./stacks";

/*
 * `verify --deep`: what the plan set up that displays do not show. One listing job per sysplex
 * for the RACF definitions, the server procedures read from PROCLIB, and HEALTHSWITCH on the
 * distributing stacks.
 */

const LISTING = "deep.security-listing";
const PROC = "deep.server-proc";
const WARN_DAYS = 30;
const DAY_MS = 86_400_000;

const slug = (id: string) => id.replace(/[^A-Za-z0-9.*]+/g, "-").replace(/^-|-$/g, "");

function checkId(item: SecurityItem): string {
  const s = item.subject;
  switch (s.kind) {
    case "group":
    case "user":
      return `zosmf.security.${s.kind}.${s.name}`;
    case "profile":
      return `zosmf.security.profile.${s.cls}.${slug(s.name)}`;
    case "permit":
      return `zosmf.security.permit.${s.cls}.${slug(s.name)}.${s.id}`;
    case "certificate":
      return `zosmf.security.certificate.${s.owner}.${slug(s.label)}`;
    case "ring":
      return `zosmf.security.keyring.${s.owner}.${slug(s.ring)}`;
    case "connection":
      return `zosmf.security.keyring.${s.owner}.${slug(s.ring)}.${slug(s.label)}`;
  }
}

/** One check per catalogue item: present healthy, missing failed, unreadable an error with the lines. */
export function securityChecks(snapshot: Snapshot, now: Date = new Date()): Check[] {
  const t = snapshot.topology;
  const items = securityCatalogue(t);
  const read = sysplexRead<string>(snapshot, LISTING);
  const heads = items.map((item): CheckHead => ({ id: checkId(item), title: item.id, expected: "defined as the plan defines it" }));
  if (!read) return [];
  if (!read.ok) return heads.map((h) => fromFailedRead(h, read, "the security listing job"));
  const outputs = splitTsoOutput(read.value);
  return items.map((item, i) => judgeItem(heads[i]!, item, outputs, now));
}

function judgeItem(head: CheckHead, item: SecurityItem, outputs: readonly TsoCommandOutput[], now: Date): Check {
  const out = outputOf(outputs, item.list);
  const verdict = classifyListing(item.subject, out, now);
  switch (verdict.state) {
    case "missing":
      return failed(head, "missing", `${item.id} is not defined (${item.list})${verdict.note ? `: ${verdict.note}` : ""}`);
    case "mismatch":
      return failed(head, verdict.problems.join("; "), `${item.id} exists but ${verdict.problems.join("; ")}`);
    case "unknown":
      return { ...failed(head, "could not read", `could not read the answer to ${item.list}: ${verdict.lines.join(" | ")}`), notRun: true };
    case "present":
      return item.subject.kind === "certificate" ? expiryCheck(head, out!, item.subject.label, now) : healthy(head, "defined");
  }
}

/** A usable certificate that ends within 30 days is degraded, with the date. */
function expiryCheck(head: CheckHead, out: TsoCommandOutput, label: string, now: Date): Check {
  const end = certificateEndDate(out.messages, label)!;
  const date = end.toISOString().slice(0, 10);
  const days = Math.floor((end.getTime() - now.getTime()) / DAY_MS);
  if (days < WARN_DAYS) return degraded(head, `expires ${date}`, `${label} expires on ${date}, in ${days} days; renew it before then`);
  return healthy(head, `valid until ${date}`);
}

/** The server procedure's IZUPRM= and USERDIR= defaults, read from PROCLIB. */
export function procChecks(snapshot: Snapshot): Check[] {
  const t = snapshot.topology;
  return zosmfHaSystems(t).map(({ system }) => {
    const z = system.zosmf;
    const where = `${t.datasets.proclib}(${z.serverProc})`;
    const head: CheckHead = {
      id: "zosmf.proc.defaults",
      system: system.name,
      title: `${where} IZUPRM= and USERDIR=`,
      expected: `IZUPRM=${z.izuprmSuffix} USERDIR='${z.userDir}'`,
    };
    const read = systemRead<string>(snapshot, system.name, PROC);
    if (!read) return failed(head, "not read", `${where} was not read`);
    if (!read.ok) return fromFailedRead(head, read, where);
    const izuprm = procDefault(read.value, "IZUPRM");
    const userDir = procDefault(read.value, "USERDIR");
    const found = `IZUPRM=${izuprm ?? "(none)"} USERDIR=${userDir === undefined ? "(none)" : `'${userDir}'`}`;
    const wrong = [
      ...(izuprm?.toUpperCase() === z.izuprmSuffix.toUpperCase() ? [] : [`IZUPRM= is ${izuprm ?? "not set"}, not ${z.izuprmSuffix}`]),
      ...(userDir === z.userDir ? [] : [`USERDIR= is ${userDir ?? "not set"}, not ${z.userDir}`]),
    ];
    return wrong.length ? failed(head, found, `${z.serverProc} in ${t.datasets.proclib}: ${wrong.join("; ")}`) : healthy(head, found);
  });
}

/** A symbolic parameter's default on the PROC statement (quoted or not), reading continuation records. */
function procDefault(text: string, name: string): string | undefined {
  const records = text.replace(/\r\n/g, "\n").split("\n");
  const start = records.findIndex((r) => /^\/\/\S*\s+PROC(\s|$)/.test(r));
  if (start < 0) return undefined;
  let operands = "";
  for (const r of records.slice(start)) {
    const data = r.slice(0, 71);
    const m = /^\/\/\S*\s+PROC\s*(.*)$/.exec(data) ?? /^\/\/\s+(.*)$/.exec(data);
    if (!m) break;
    const field = (m[1] ?? "").replace(/\s.*$/, "");
    operands += field;
    if (!field.endsWith(",")) break;
  }
  const found = new RegExp(`(?:^|,)${name}=('(?:[^']|'')*'|[^,]*)`, "i").exec(operands)?.[1];
  return found === undefined ? undefined : found.replace(/^'|'$/g, "").replace(/''/g, "'");
}

/**
 * HEALTHSWITCH on the VIPADISTRIBUTE of every stack that distributes the DVIPA, as the topology's
 * healthSwitch asks: the plan writes HEALTHSWITCH or NOHEALTHSWITCH, so a stack that differs has drifted.
 * Without it a server that hangs keeps receiving connections, so a missing one is degraded, not failed.
 */
export function healthSwitchChecks(snapshot: Snapshot): Check[] {
  const view = buildView(snapshot);
  const { ha } = view;
  const want = ha.healthSwitch;
  const word = (on: boolean) => (on ? "HEALTHSWITCH" : "NOHEALTHSWITCH");
  const distributors = view.stacks.filter((s) => s.system.name === ha.distributor || s.system.name === ha.distributorBackup);
  return distributors.flatMap((s): Check[] => {
    const head: CheckHead = { id: "tcpip.healthswitch", system: s.system.name, title: "VIPADISTRIBUTE HEALTHSWITCH", expected: word(want) };
    const cfg = display(snapshot, s.system, "VIPADCFG");
    if (cfg.state !== "ok") return [displayProblem(head, cfg, s.system)];
    const entries = distributesOf(cfg.data, ha.dvipa, ha.port);
    if (entries.length === 0) return [];
    // A display without the field shows the default, which is off (NOHEALTHSWITCH).
    const differ = entries.filter((e) => (e.healthSwitch ?? false) !== want);
    if (differ.length === 0) return [healthy(head, word(want))];
    const reason = want
      ? `${s.system.name} distributes ${ha.dvipa}..${ha.port} without HEALTHSWITCH: a server that hangs keeps receiving connections`
      : `${s.system.name} distributes ${ha.dvipa}..${ha.port} with HEALTHSWITCH, but the topology sets healthSwitch: false`;
    return [degraded(head, word(!want), reason)];
  });
}

export function deepChecks(timeoutMs = 300_000): CheckModule {
  return {
    name: "zosmf-ha-deep",
    applies: (t: Topology) => t.zosmfHa !== undefined,
    systemReads(t, system) {
      const ha = t.zosmfHa!;
      const m = zosmfHaSystems(t).find((x) => x.system.name === system.name);
      const distributes = system.name === ha.distributor || system.name === ha.distributorBackup;
      return [
        ...(m
          ? [
              {
                key: PROC,
                run: async (ctx: ReadContext) =>
                  (await (await ctx.client()).files.read(t.datasets.proclib, m.system.zosmf.serverProc)).text,
              },
            ]
          : []),
        ...(distributes ? [netstatRead(system, "VIPADCFG")] : []),
      ];
    },
    sysplexReads: (t) => [{ key: LISTING, run: async (ctx) => runListingJob(await ctx.client(), t, timeoutMs) }],
    judge: (snapshot) => [...securityChecks(snapshot), ...procChecks(snapshot), ...healthSwitchChecks(snapshot)],
  };
}
