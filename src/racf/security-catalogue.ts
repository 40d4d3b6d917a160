/**
 * The RACF definitions z/OSMF HA needs, as data: what IBM's IZUSEC nucleus sample defines
 * (groups, users, STARTED, SERVER, FACILITY, SERVAUTH, APPL, EJBROLE, ZMFAPLA, the CA and
 * server certificates and the key ring), one item per thing a listing can show. Every topology
 * value reaches a command through tsoCommand, never through text that is parsed again.
 */
import type { Topology } from "../topology";
import { systemField } from "../templates/topology-fields";
import { zosmfHaSystems } from "../topology";
import { HaError } from "../errors";
import { preview } from "../templates/escape";
import { tsoCommand as tso, tsoValue } from "../templates/escape/tso";

/** What a listing must show for an item to count as present. */
export type ListSubject =
  | { readonly kind: "group"; readonly name: string }
  | { readonly kind: "user"; readonly name: string }
  | { readonly kind: "profile"; readonly cls: string; readonly name: string }
  | { readonly kind: "permit"; readonly cls: string; readonly name: string; readonly id: string; readonly access: Access }
  | { readonly kind: "certificate"; readonly owner: string; readonly label: string; readonly requiredNames?: readonly string[] }
  | { readonly kind: "ring"; readonly owner: string; readonly ring: string }
  | {
      readonly kind: "connection";
      readonly owner: string;
      readonly ring: string;
      readonly label: string;
      readonly certOwner: string;
      readonly isDefault: boolean;
    };

export type Access = "READ" | "UPDATE" | "CONTROL" | "ALTER";

export interface SecurityItem {
  /** Shown in the plan and in notes. */
  readonly id: string;
  /** The listing command that shows it; several items may share one. */
  readonly list: string;
  readonly subject: ListSubject;
  /** What creates it, in order. */
  readonly define: readonly string[];
  /** General resource classes it lives in (activated, made generic, RACLISTed and refreshed). */
  readonly classes: readonly string[];
}

const CA_LABEL = "zOSMFCA";
const SERVER_USER = "IZUSVR";
const GUEST_USER = "IZUGUEST";
const GROUPS = ["IZUADMIN", "IZUUSER", "IZUUNGRP", "IZUSECAD"] as const;

const isIpv4 = (s: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(s);

/** The names the server certificate must carry: the z/OSMF host name, the DVIPA and each HA system's host name. */
export function serverCertNames(t: Topology): string[] {
  const ha = t.zosmfHa!;
  return [...new Set([ha.hostname, ha.dvipa, ...zosmfHaSystems(t).map((m) => m.system.hostname)])];
}

/** Each certificate name's topology field, so a refusal names the one to edit (the first field that holds it). */
function certNameFields(t: Topology): Map<string, string> {
  const ha = t.zosmfHa!;
  const fields = new Map<string, string>();
  const add = (name: string, field: string) => fields.has(name) || fields.set(name, field);
  add(ha.hostname, "zosmfHa.hostname");
  add(ha.dvipa, "zosmfHa.dvipa");
  for (const m of zosmfHaSystems(t)) add(m.system.hostname, `${systemField(t, m.system.name)}.hostname`);
  return fields;
}

/** X.509 upper bound of a common name (RFC 5280 ub-common-name), which RACDCERT keeps to. */
const CN_MAX = 64;

export function serverCertLabel(t: Topology): string {
  return `DefaultzOSMFCert.${t.zosmfHa!.safPrefix.toUpperCase()}`;
}

export function securityCatalogue(t: Topology): SecurityItem[] {
  return [...identityItems(), ...startedProfileItems(t), ...resourceProfileItems(t), ...certificateItems(t)];
}

/** The z/OSMF groups, the server user IZUSVR and the guest user. */
function identityItems(): SecurityItem[] {
  const items: SecurityItem[] = [];
  for (const g of GROUPS) {
    items.push({
      id: `group ${g}`,
      list: `LISTGRP ${g}`,
      subject: { kind: "group", name: g },
      define: [`ADDGROUP ${g} OMVS(AUTOGID)`],
      classes: [],
    });
  }
  items.push({
    id: `user ${SERVER_USER}`,
    list: `LISTUSER ${SERVER_USER}`,
    subject: { kind: "user", name: SERVER_USER },
    define: [
      `ADDUSER ${SERVER_USER} DFLTGRP(IZUADMIN) NOPASSWORD OMVS(AUTOUID HOME('/global/zosmf/data/home/izusvr') PROGRAM('/bin/sh'))`,
      `ALTUSER ${SERVER_USER} OMVS(FILEPROC(10000))`,
      `CONNECT ${SERVER_USER} GROUP(IZUSECAD)`,
    ],
    classes: [],
  });
  items.push({
    id: `user ${GUEST_USER}`,
    list: `LISTUSER ${GUEST_USER}`,
    subject: { kind: "user", name: GUEST_USER },
    define: [`ADDUSER ${GUEST_USER} RESTRICTED DFLTGRP(IZUUNGRP) NOPASSWORD OMVS(AUTOUID HOME('/tmp') PROGRAM('/bin/false'))`],
    classes: [],
  });

  return items;
}

/** One STARTED profile per server procedure, and the angel's; they run as IZUSVR. */
function startedProfileItems(t: Topology): SecurityItem[] {
  const ha = t.zosmfHa!;
  const items: SecurityItem[] = [];
  const procs = new Map<string, string>(
    zosmfHaSystems(t).map((m) => [m.system.zosmf.serverProc.toUpperCase(), `${systemField(t, m.system.name)}.zosmf.serverProc`]),
  );
  procs.set(ha.angelProc.toUpperCase(), "zosmfHa.angelProc");
  for (const [p, field] of procs) {
    const proc = tsoValue("name", p, field);
    items.push({
      id: `STARTED ${p}.*`,
      list: tso`RLIST STARTED ${proc}.* STDATA`,
      subject: { kind: "profile", cls: "STARTED", name: `${p}.*` },
      define: [tso`RDEFINE STARTED ${proc}.* UACC(NONE) STDATA(USER(IZUSVR) GROUP(IZUADMIN) TRUSTED(NO))`],
      classes: ["STARTED"],
    });
  }

  return items;
}

/** The resource profiles the server and its users need, each with its permits. */
function resourceProfileItems(t: Topology): SecurityItem[] {
  const ha = t.zosmfHa!;
  const prefix = tsoValue("name", ha.safPrefix, "zosmfHa.safPrefix");
  const angel = tsoValue("name", ha.angelProc, "zosmfHa.angelProc");
  const P = ha.safPrefix.toUpperCase();
  const items: SecurityItem[] = [];
  const resource = (cls: string, name: string, text: string, permits: readonly { id: string; access: Access }[]) => {
    const list = `RLIST ${cls} ${text} AUTHUSER`;
    items.push({
      id: `${cls} ${name}`,
      list,
      subject: { kind: "profile", cls, name },
      define: [`RDEFINE ${cls} ${text} UACC(NONE)`],
      classes: [cls],
    });
    for (const p of permits) {
      items.push({
        id: `${cls} ${name} ${p.access} for ${p.id}`,
        list,
        subject: { kind: "permit", cls, name, id: p.id, access: p.access },
        define: [`PERMIT ${text} CLASS(${cls}) ID(${p.id}) ACCESS(${p.access})`],
        classes: [cls],
      });
    }
  };
  const svr = [{ id: SERVER_USER, access: "READ" as const }];
  resource("SERVER", `BBG.ANGEL.${ha.angelProc.toUpperCase()}`, tso`BBG.ANGEL.${angel}`, svr);
  for (const sfx of ["", ".SAFCRED", ".ZOSWLM", ".TXRRS", ".ZOSDUMP"])
    resource("SERVER", `BBG.AUTHMOD.BBGZSAFM${sfx}`, `BBG.AUTHMOD.BBGZSAFM${sfx}`, svr);
  resource("SERVER", `BBG.SECPFX.${P}`, tso`BBG.SECPFX.${prefix}`, svr);
  resource("SERVER", "BBG.SECCLASS.ZMFAPLA", "BBG.SECCLASS.ZMFAPLA", svr);
  resource("FACILITY", `BBG.SYNC.${P}`, tso`BBG.SYNC.${prefix}`, [{ id: SERVER_USER, access: "CONTROL" }]);
  for (const f of ["BPX.WLMSERVER", "BPX.CONSOLE", "IRR.DIGTCERT.LISTRING", "IRR.DIGTCERT.LIST"]) resource("FACILITY", f, f, svr);
  resource("SERVAUTH", "CEA.SIGNAL.ENF83", "CEA.SIGNAL.ENF83", svr);
  const users = (ids: readonly string[]) => ids.map((id) => ({ id, access: "READ" as const }));
  resource("APPL", P, tso`${prefix}`, users(["IZUADMIN", "IZUUSER", GUEST_USER]));
  resource("EJBROLE", `${P}.*.izuUsers`, tso`${prefix}.*.izuUsers`, users(["IZUADMIN", "IZUUSER"]));
  resource("ZMFAPLA", `${P}.ZOSMF`, tso`${prefix}.ZOSMF`, users(["IZUADMIN", "IZUUSER"]));

  return items;
}

/** The CA, the server certificate it signs, and the ring owned by IZUSVR holding both. */
function certificateItems(t: Topology): SecurityItem[] {
  // The define order: the CA must exist before it signs the server certificate, and both before the ring connects them.
  return [caCertificateItem(t), serverCertificateItem(t), ...keyRingItems(t)];
}

/** The sysplex's own certificate authority, which signs the server certificate. */
function caCertificateItem(t: Topology): SecurityItem {
  const prefix = tsoValue("name", t.zosmfHa!.safPrefix, "zosmfHa.safPrefix");
  const sysplex = tsoValue("text", `z/OSMF CA ${t.sysplex}`, "sysplex");
  return {
    id: `certificate CERTAUTH ${CA_LABEL}`,
    list: `RACDCERT CERTAUTH LIST(LABEL('${CA_LABEL}'))`,
    subject: { kind: "certificate", owner: "CERTAUTH", label: CA_LABEL },
    define: [
      tso`RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN(${sysplex}) OU(${prefix})) WITHLABEL('zOSMFCA') KEYUSAGE(CERTSIGN) NOTAFTER(DATE(2035-12-31))`,
    ],
    classes: [],
  };
}

/** IZUSVR's certificate, carrying every name clients reach z/OSMF by, so whichever system answers is trusted. */
function serverCertificateItem(t: Topology): SecurityItem {
  const ha = t.zosmfHa!;
  const prefix = tsoValue("name", ha.safPrefix, "zosmfHa.safPrefix");
  const names = serverCertNames(t);
  const field = certNameFields(t);
  const alt = names
    .map((n) => (isIpv4(n) ? tso`IP(${tsoValue("ipv4", n, field.get(n)!)})` : tso`DOMAIN(${tsoValue("host", n, field.get(n)!)})`))
    .join(" ");
  requireCommonNameFits(ha.hostname);
  const label = serverCertLabel(t);
  const labelOp = tso`${tsoValue("text", label, "zosmfHa.safPrefix")}`;
  return {
    id: `certificate ${SERVER_USER} ${label}`,
    list: `RACDCERT ID(${SERVER_USER}) LIST(LABEL(${labelOp}))`,
    subject: { kind: "certificate", owner: SERVER_USER, label, requiredNames: names },
    define: [
      tso`RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN(${tsoValue("host", ha.hostname, "zosmfHa.hostname")}) OU(${prefix})) ` +
        `ALTNAME(${alt}) WITHLABEL(${labelOp}) SIGNWITH(CERTAUTH LABEL('${CA_LABEL}')) NOTAFTER(DATE(2035-12-31))`,
    ],
    classes: [],
  };
}

/** Refused while planning: RACDCERT would reject the common name only when the job runs. */
function requireCommonNameFits(hostname: string): void {
  if (hostname.length <= CN_MAX) return;
  throw new HaError(
    `zosmfHa.hostname ${preview(hostname)} is ${hostname.length} characters; the server certificate's common name (RACDCERT SUBJECTSDN CN) holds at most ${CN_MAX}. Nothing was sent to z/OS.`,
    {
      failureClass: "invalid-input",
      details: [
        "Use a host name of at most 64 characters for zosmfHa.hostname; the systems' longer host names can stay, they go in the certificate's alternative names.",
      ],
    },
  );
}

/** The ring IZUSVR owns, with the server certificate as its default and the CA as the trust anchor; one listing shows all three. */
function keyRingItems(t: Topology): SecurityItem[] {
  const ha = t.zosmfHa!;
  const ring = tsoValue("ring", ha.keyring, "zosmfHa.keyring");
  const label = serverCertLabel(t);
  const listRing = tso`RACDCERT ID(IZUSVR) LISTRING(${ring})`;
  return [
    {
      id: `key ring ${SERVER_USER}/${ha.keyring}`,
      list: listRing,
      subject: { kind: "ring", owner: SERVER_USER, ring: ha.keyring },
      define: [tso`RACDCERT ID(IZUSVR) ADDRING(${ring})`],
      classes: [],
    },
    {
      id: `${label} connected to ${ha.keyring} as DEFAULT`,
      list: listRing,
      subject: { kind: "connection", owner: SERVER_USER, ring: ha.keyring, label, certOwner: SERVER_USER, isDefault: true },
      define: [
        tso`RACDCERT ID(IZUSVR) CONNECT(ID(IZUSVR) LABEL(${tsoValue("text", label, "zosmfHa.safPrefix")}) RING(${ring}) DEFAULT USAGE(PERSONAL))`,
      ],
      classes: [],
    },
    {
      id: `${CA_LABEL} connected to ${ha.keyring} as CERTAUTH`,
      list: listRing,
      subject: { kind: "connection", owner: SERVER_USER, ring: ha.keyring, label: CA_LABEL, certOwner: "CERTAUTH", isDefault: false },
      define: [tso`RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(${ring}) USAGE(CERTAUTH))`],
      classes: [],
    },
  ];
}

/** The commands that define `missing`, with SETROPTS for every class they touch. */
export function defineCommands(missing: readonly SecurityItem[]): string[] {
  const classes = [...new Set(missing.flatMap((i) => i.classes))];
  const list = classes.join(" ");
  return [
    ...(classes.length ? [`SETROPTS CLASSACT(${list}) GENERIC(${list})`, `SETROPTS RACLIST(${list})`] : []),
    ...missing.flatMap((i) => i.define),
    ...(classes.length ? [`SETROPTS RACLIST(${list}) REFRESH`] : []),
  ];
}
