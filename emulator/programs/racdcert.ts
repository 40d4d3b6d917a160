/**
 * RACDCERT: certificates and key rings as IZUSEC sets them up (facts §7.2): a CERTAUTH
 * CA, a server certificate signed by it, a ring owned by the server user and both
 * certificates connected to it. Keys: certificates `owner/label`, rings `owner/ring`.
 */
import type { RacfDatabase } from "../state";
import { RACF_RC, racfMsg } from "./racf-messages";
import type { Operand } from "./operands";
import { type CommandResult, parseCommand, type RacfContext, requireSpecial, segment, syntaxError, value } from "./racf-syntax";

export const certificateKey = (owner: string, label: string) => `${owner}/${label}`;
export const keyringKey = (owner: string, ring: string) => `${owner}/${ring}`;

const KEYWORDS = [
  "ID",
  "CERTAUTH",
  "SITE",
  "GENCERT",
  "ADDRING",
  "CONNECT",
  "LISTRING",
  "LIST",
  "DELRING",
  "REMOVE",
  "DELETE",
  "SUBJECTSDN",
  "SIZE",
  "NOTBEFORE",
  "NOTAFTER",
  "WITHLABEL",
  "SIGNWITH",
  "KEYUSAGE",
  "ALTNAME",
  "RSA",
  "NISTECC",
  "BPECC",
  "DSA",
  "PCICC",
  "ICSF",
  "FROMICSF",
  "TRUST",
  "NOTRUST",
  "HIGHTRUST",
  "LISTCHAIN",
  "CHECKCERT",
  "ALTER",
  "EXPORT",
  "ADD",
  "GENREQ",
  "PKDS",
  "TOKEN",
  "FORMAT",
  "DSN",
  "PASSWORD",
  "PUBKEYALG",
  "SIGNATURE",
];
const UNSUPPORTED = ["ALTER", "EXPORT", "ADD", "GENREQ", "CHECKCERT", "LISTCHAIN"];

const label = (op: Operand | undefined) => value(op, true);

/** The owner named by ID(x), CERTAUTH or SITE in `kw`, else `dflt`. */
function ownerOf(kw: Record<string, Operand>, dflt: string): string {
  if (kw.CERTAUTH) return "CERTAUTH";
  if (kw.SITE) return "SITE";
  if (kw.ID) return value(kw.ID) ?? dflt;
  return dflt;
}

function subject(op: Operand | undefined): string | undefined {
  if (!op) return undefined;
  const parts = segment(op, ["CN", "T", "OU", "O", "L", "SP", "C", "SERIALNUMBER", "MAIL", "UID", "DC", "STREET", "POSTALCODE"]);
  return Object.entries(parts)
    .map(([k, v]) => `${k}=${value(v, true)}`)
    .join(",");
}

export function racdcert(ops: Operand[], ctx: RacfContext): CommandResult {
  const p = parseCommand(ops, 0, KEYWORDS);
  const racf = ctx.state.racf;
  const owner = ownerOf(p.kw, ctx.user);
  const fn = ["GENCERT", "ADDRING", "CONNECT", "LISTRING", "LIST", "DELRING", "REMOVE", "DELETE", ...UNSUPPORTED].filter((f) => p.kw[f]);
  if (fn.length !== 1) syntaxError(fn.length ? fn.join(" ") : "RACDCERT FUNCTION");
  if (UNSUPPORTED.includes(fn[0])) syntaxError(`${fn[0]} (NOT SUPPORTED BY THE EMULATOR)`);
  // Listing one's own certificates needs no authority; everything else needs SPECIAL here.
  const listOwn = (fn[0] === "LISTRING" || fn[0] === "LIST") && owner === ctx.user;
  if (!listOwn) requireSpecial(ctx, "RACDCERT", fn[0], [racfMsg.racdcertAuth]);
  // INF: an ID() RACF does not know; the command does nothing.
  if (owner !== "CERTAUTH" && owner !== "SITE" && !racf.users[owner])
    return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedUser(owner)] };

  switch (fn[0]) {
    case "GENCERT":
      return gencert(racf, owner, p.kw, ctx.nowIso);
    case "ADDRING": {
      const ring = value(p.kw.ADDRING, true);
      if (!ring) return syntaxError("ADDRING");
      const key = keyringKey(owner, ring);
      if (racf.keyrings[key]) return { rc: RACF_RC.alreadyDefinedWarning, lines: [racfMsg.ringExists(ring)] };
      // DOC IRRD120I: only users own rings.
      if (owner === "CERTAUTH" || owner === "SITE")
        return {
          rc: RACF_RC.notFound,
          lines: [
            `IRRD120I Incorrect use of ${owner}. A ${owner === "CERTAUTH" ? "Certificate Authority" : "Site Certificate"} cannot own a key ring.`,
          ],
        };
      racf.keyrings[key] = { owner, certificates: [] };
      return { rc: 0, lines: [] };
    }
    case "CONNECT":
      return connect(racf, owner, p.kw.CONNECT);
    case "REMOVE": {
      const sub = segment(p.kw.REMOVE, ["ID", "CERTAUTH", "SITE", "LABEL", "RING"]);
      const ringName = value(sub.RING, true) ?? "";
      const ring = racf.keyrings[keyringKey(owner, ringName)];
      if (!ring) return { rc: RACF_RC.notFound, lines: [racfMsg.ringNotFound(ringName)] };
      const certOwner = ownerOf(sub, owner);
      const lbl = label(sub.LABEL) ?? "";
      const before = ring.certificates.length;
      ring.certificates = ring.certificates.filter((c) => !(c.label === lbl && (c.owner ?? certOwner) === certOwner));
      if (ring.certificates.length === before) return { rc: RACF_RC.notFound, lines: [racfMsg.labelNotInRing(lbl, ringName, owner)] };
      return { rc: 0, lines: [] };
    }
    case "DELRING": {
      const ringName = value(p.kw.DELRING, true) ?? "";
      const key = keyringKey(owner, ringName);
      if (!racf.keyrings[key]) return { rc: RACF_RC.notFound, lines: [racfMsg.ringNotFound(ringName)] };
      delete racf.keyrings[key];
      return { rc: 0, lines: [] };
    }
    case "DELETE": {
      const lbl = label(segment(p.kw.DELETE, ["LABEL", "SERIALNUMBER", "ISSUERSDN"]).LABEL) ?? "";
      const key = certificateKey(owner, lbl);
      if (!racf.certificates[key]) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound()] };
      delete racf.certificates[key];
      for (const ring of Object.values(racf.keyrings))
        ring.certificates = ring.certificates.filter((c) => !(c.label === lbl && (c.owner ?? owner) === owner));
      return { rc: 0, lines: [] };
    }
    case "LISTRING":
      return listRing(racf, owner, value(p.kw.LISTRING, true) ?? "*");
    case "LIST":
      return listCerts(racf, owner, label(segment(p.kw.LIST, ["LABEL", "SERIALNUMBER", "ISSUERSDN"]).LABEL));
  }
  return syntaxError(fn[0]);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** NOTBEFORE/NOTAFTER(DATE(yyyy-mm-dd)) as RACDCERT documents it; anything else is a syntax error. */
function validityDate(op: Operand | undefined): string | undefined {
  if (!op) return undefined;
  const d = value(segment(op, ["DATE", "TIME"]).DATE, true);
  if (!d || !DATE.test(d)) return syntaxError(`DATE(${d ?? ""})`);
  return d;
}

/** ALTNAME(IP(a) DOMAIN('h') EMAIL('e') URI('u')), each kind possibly more than once. */
function altNames(op: Operand | undefined): NonNullable<RacfDatabase["certificates"][string]["altNames"]> {
  const kinds = { IP: "IP", DOMAIN: "Domain", EMAIL: "Email", URI: "URI" } as const;
  return (op?.sub ?? []).map((o) => {
    const kind = kinds[o.word.toUpperCase() as keyof typeof kinds];
    const v = kind ? value(o, true) : undefined;
    if (!kind || !v) return syntaxError(`ALTNAME(${o.word})`);
    return { type: kind, value: v };
  });
}

function gencert(racf: RacfDatabase, owner: string, kw: Record<string, Operand>, nowIso = "2025-01-01T00:00:00.000Z"): CommandResult {
  const existing = Object.values(racf.certificates).filter((c) => c.owner === owner).length;
  const lbl = label(kw.WITHLABEL) ?? `LABEL${String(existing + 1).padStart(8, "0")}`;
  const key = certificateKey(owner, lbl);
  // §10.1: GENCERT of a certificate that is already defined.
  if (racf.certificates[key]) return { rc: RACF_RC.alreadyDefinedWarning, lines: [racfMsg.certExists(lbl)] };
  const cert: RacfDatabase["certificates"][string] = { owner, label: lbl };
  const sdn = subject(kw.SUBJECTSDN);
  if (sdn) cert.subject = sdn;
  const alt = altNames(kw.ALTNAME);
  if (alt.length) cert.altNames = alt;
  cert.notBefore = validityDate(kw.NOTBEFORE) ?? nowIso.slice(0, 10);
  // DOC (RACDCERT GENCERT): without NOTAFTER the certificate is valid for one year.
  cert.notAfter = validityDate(kw.NOTAFTER) ?? `${Number(cert.notBefore.slice(0, 4)) + 1}${cert.notBefore.slice(4)}`;
  if (kw.KEYUSAGE) cert.keyUsage = (kw.KEYUSAGE.sub ?? []).map((o) => o.word.toUpperCase());
  cert.issuer = cert.subject;
  if (kw.SIGNWITH) {
    const sw = segment(kw.SIGNWITH, ["CERTAUTH", "SITE", "LABEL"]);
    const signerOwner = sw.CERTAUTH ? "CERTAUTH" : sw.SITE ? "SITE" : owner;
    const signerLabel = label(sw.LABEL) ?? "";
    const signer = racf.certificates[certificateKey(signerOwner, signerLabel)];
    // INF: a signer that does not exist is "no matching certificate".
    if (!signer) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound()] };
    cert.signedBy = certificateKey(signerOwner, signerLabel);
    cert.issuer = signer.subject;
  }
  racf.certificates[key] = cert;
  return { rc: 0, lines: [] };
}

function connect(racf: RacfDatabase, ringOwner: string, op: Operand | undefined): CommandResult {
  const sub = segment(op, ["ID", "CERTAUTH", "SITE", "LABEL", "RING", "USAGE", "DEFAULT"]);
  const ringName = value(sub.RING, true);
  const lbl = label(sub.LABEL);
  if (!ringName || !lbl) return syntaxError("CONNECT");
  const ring = racf.keyrings[keyringKey(ringOwner, ringName)];
  if (!ring) return { rc: RACF_RC.notFound, lines: [racfMsg.ringNotFound(ringName)] };
  const certOwner = ownerOf(sub, ringOwner);
  if (!racf.certificates[certificateKey(certOwner, lbl)]) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound()] };
  const usage = value(sub.USAGE) ?? (certOwner === "CERTAUTH" ? "CERTAUTH" : certOwner === "SITE" ? "SITE" : "PERSONAL");
  if (!["PERSONAL", "CERTAUTH", "SITE"].includes(usage)) return syntaxError(`USAGE(${usage})`);
  const isDefault = Boolean(sub.DEFAULT);
  if (isDefault) for (const c of ring.certificates) c.default = false;
  // Connecting again updates the usage and default flag, as RACF does.
  const entry = ring.certificates.find((c) => c.label === lbl && (c.owner ?? certOwner) === certOwner);
  if (entry) {
    entry.usage = usage;
    entry.default = isDefault || entry.default;
  } else ring.certificates.push({ label: lbl, usage, default: isDefault, owner: certOwner });
  return { rc: 0, lines: [] };
}

const shownOwner = (o: string) => (o === "CERTAUTH" || o === "SITE" ? o : `ID(${o})`);

function listRing(racf: RacfDatabase, owner: string, ringName: string): CommandResult {
  const rings = Object.entries(racf.keyrings).filter(
    ([k, r]) => r.owner === owner && (ringName === "*" || k === keyringKey(owner, ringName)),
  );
  if (rings.length === 0) {
    const none = !Object.values(racf.keyrings).some((r) => r.owner === owner);
    return { rc: RACF_RC.listNotFound, lines: [ringName === "*" && none ? racfMsg.noRings(owner) : racfMsg.ringNotFound(ringName)] };
  }
  const lines = [`Digital ring information for user ${owner}:`, ""];
  for (const [key, ring] of rings) {
    lines.push(`  Ring:`, `       >${key.slice(owner.length + 1)}<`);
    lines.push(
      `  Certificate Label Name             Cert Owner     USAGE      DEFAULT`,
      `  --------------------------------   ------------   --------   -------`,
    );
    if (ring.certificates.length === 0) lines.push(`  *** No certificates connected ***`);
    for (const c of ring.certificates) {
      lines.push(
        `  ${c.label.padEnd(32)}   ${shownOwner(c.owner ?? owner).padEnd(12)}   ${c.usage.padEnd(8)}   ${c.default ? "YES" : "NO"}`,
      );
    }
    lines.push("");
  }
  return { rc: 0, lines };
}

/** A distinguished name as RACDCERT LIST shows it: `>CN=a.OU=b<` (DOC: RACDCERT CHECKCERT example). */
const dn = (name: string | undefined) => `>${(name ?? "").split(",").join(".")}<`;
const day = (d: string | undefined, time: string) => `${(d ?? "").replace(/-/g, "/")} ${time}`;

/** DOC (RACDCERT LIST): label, status, validity, serial, issuer, subject, the subjectAltName extension, key and ring associations. */
function listCerts(racf: RacfDatabase, owner: string, lbl: string | undefined): CommandResult {
  const mine = Object.values(racf.certificates).filter((c) => c.owner === owner);
  const certs = mine.filter((c) => lbl === undefined || c.label === lbl);
  if (certs.length === 0)
    return {
      rc: RACF_RC.listNotFound,
      lines: [mine.length === 0 && lbl === undefined ? racfMsg.noCertificates(owner) : racfMsg.certNotFound()],
    };
  const lines = [`Digital certificate information for ${owner === "CERTAUTH" || owner === "SITE" ? owner : `user ${owner}`}:`, ""];
  for (const c of certs) {
    const serial = String(Object.keys(racf.certificates).indexOf(certificateKey(c.owner, c.label)) + 1).padStart(2, "0");
    lines.push(
      `  Label: ${c.label}`,
      `  Status: ${c.trust ?? "TRUST"}`,
      `  Start Date: ${day(c.notBefore, "00:00:00")}`,
      `  End Date:   ${day(c.notAfter, "23:59:59")}`,
    );
    lines.push(
      `  Serial Number:`,
      `       >${serial}<`,
      `  Issuer's Name:`,
      `       ${dn(c.issuer ?? c.subject)}`,
      `  Subject's Name:`,
      `       ${dn(c.subject)}`,
    );
    if (c.altNames?.length) {
      lines.push(`  Subject's AltNames:`);
      for (const a of c.altNames) lines.push(`    ${a.type}: ${a.value}`);
    }
    if (c.keyUsage?.length) lines.push(`  Key Usage: ${c.keyUsage.join(", ")}`);
    lines.push(`  Key Type: RSA`, `  Key Size: 2048`, `  Private Key: YES`);
    const rings = Object.entries(racf.keyrings).filter(([, r]) =>
      r.certificates.some((x) => x.label === c.label && (x.owner ?? r.owner) === c.owner),
    );
    lines.push(`  Ring Associations:`);
    if (rings.length === 0) lines.push(`    *** No rings associated ***`);
    for (const [key] of rings)
      lines.push(`    Ring Owner: ${key.split("/")[0]}`, `    Ring:`, `       >${key.slice(key.indexOf("/") + 1)}<`);
    lines.push("");
  }
  return { rc: 0, lines };
}
