/**
 * RACDCERT: certificates and key rings as IZUSEC sets them up (facts §7.2): a CERTAUTH
 * CA, a server certificate signed by it, a ring owned by the server user and both
 * certificates connected to it. Keys: certificates `owner/label`, rings `owner/ring`.
 */
import type { RacfDatabase } from "../state";
import { RACF_RC, racfMsg } from "./messages";
import type { Operand } from "./operands";
import { type CommandResult, parseCommand, type RacfContext, requireSpecial, segment, syntaxError, value } from "./racf-syntax";

export const certificateKey = (owner: string, label: string) => `${owner}/${label}`;
export const keyringKey = (owner: string, ring: string) => `${owner}/${ring}`;

const KEYWORDS = [
  "ID", "CERTAUTH", "SITE", "GENCERT", "ADDRING", "CONNECT", "LISTRING", "LIST", "DELRING", "REMOVE", "DELETE", "SUBJECTSDN",
  "SIZE", "NOTBEFORE", "NOTAFTER", "WITHLABEL", "SIGNWITH", "KEYUSAGE", "ALTNAME", "RSA", "NISTECC", "BPECC", "DSA", "PCICC",
  "ICSF", "FROMICSF", "TRUST", "NOTRUST", "HIGHTRUST", "LISTCHAIN", "CHECKCERT", "ALTER", "EXPORT", "ADD", "GENREQ", "PKDS",
  "TOKEN", "FORMAT", "DSN", "PASSWORD", "PUBKEYALG", "SIGNATURE",
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
  return Object.entries(parts).map(([k, v]) => `${k}=${value(v, true)}`).join(",");
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
  if (owner !== "CERTAUTH" && owner !== "SITE" && !racf.users[owner]) return { rc: RACF_RC.notFound, lines: [racfMsg.undefinedUser(owner)] };

  switch (fn[0]) {
    case "GENCERT":
      return gencert(racf, owner, p.kw);
    case "ADDRING": {
      const ring = value(p.kw.ADDRING, true);
      if (!ring) return syntaxError("ADDRING");
      const key = keyringKey(owner, ring);
      if (racf.keyrings[key]) return { rc: RACF_RC.alreadyDefinedWarning, lines: [racfMsg.ringExists(ring)] };
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
      if (ring.certificates.length === before) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound(lbl)] };
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
      if (!racf.certificates[key]) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound(lbl)] };
      delete racf.certificates[key];
      for (const ring of Object.values(racf.keyrings)) ring.certificates = ring.certificates.filter((c) => !(c.label === lbl && (c.owner ?? owner) === owner));
      return { rc: 0, lines: [] };
    }
    case "LISTRING":
      return listRing(racf, owner, value(p.kw.LISTRING, true) ?? "*");
    case "LIST":
      return listCerts(racf, owner, label(segment(p.kw.LIST, ["LABEL", "SERIALNUMBER", "ISSUERSDN"]).LABEL));
  }
  return syntaxError(fn[0]);
}

function gencert(racf: RacfDatabase, owner: string, kw: Record<string, Operand>): CommandResult {
  const existing = Object.values(racf.certificates).filter((c) => c.owner === owner).length;
  const lbl = label(kw.WITHLABEL) ?? `LABEL${String(existing + 1).padStart(8, "0")}`;
  const key = certificateKey(owner, lbl);
  if (racf.certificates[key]) return { rc: RACF_RC.alreadyDefinedWarning, lines: [racfMsg.labelInUse(lbl)] };
  const cert: RacfDatabase["certificates"][string] = { owner, label: lbl };
  const sdn = subject(kw.SUBJECTSDN);
  if (sdn) cert.subject = sdn;
  if (kw.SIGNWITH) {
    const sw = segment(kw.SIGNWITH, ["CERTAUTH", "SITE", "LABEL"]);
    const signerOwner = sw.CERTAUTH ? "CERTAUTH" : sw.SITE ? "SITE" : owner;
    const signerLabel = label(sw.LABEL) ?? "";
    const signerKey = certificateKey(signerOwner, signerLabel);
    if (!racf.certificates[signerKey]) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound(signerLabel)] };
    cert.signedBy = signerKey;
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
  if (!racf.certificates[certificateKey(certOwner, lbl)]) return { rc: RACF_RC.notFound, lines: [racfMsg.certNotFound(lbl)] };
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
  const rings = Object.entries(racf.keyrings).filter(([k, r]) => r.owner === owner && (ringName === "*" || k === keyringKey(owner, ringName)));
  if (rings.length === 0) return { rc: RACF_RC.listNotFound, lines: [racfMsg.ringNotFound(ringName)] };
  const lines = [`Digital ring information for user ${owner}:`, ""];
  for (const [key, ring] of rings) {
    lines.push(`  Ring:`, `       >${key.slice(owner.length + 1)}<`);
    lines.push(`  Certificate Label Name             Cert Owner     USAGE      DEFAULT`, `  --------------------------------   ------------   --------   -------`);
    if (ring.certificates.length === 0) lines.push(`  *** No certificates connected ***`);
    for (const c of ring.certificates) {
      lines.push(`  ${c.label.padEnd(32)}   ${shownOwner(c.owner ?? owner).padEnd(12)}   ${c.usage.padEnd(8)}   ${c.default ? "YES" : "NO"}`);
    }
    lines.push("");
  }
  return { rc: 0, lines };
}

function listCerts(racf: RacfDatabase, owner: string, lbl: string | undefined): CommandResult {
  const certs = Object.values(racf.certificates).filter((c) => c.owner === owner && (lbl === undefined || c.label === lbl));
  if (certs.length === 0) return { rc: RACF_RC.listNotFound, lines: [racfMsg.certNotFound(lbl ?? "*")] };
  const lines = [`Digital certificate information for ${owner === "CERTAUTH" || owner === "SITE" ? owner : `user ${owner}`}:`, ""];
  for (const c of certs) {
    lines.push(`  Label: ${c.label}`, `  Status: TRUST`, `  Subject's Name: ${c.subject ?? "(none)"}`);
    const signer = c.signedBy ? racf.certificates[c.signedBy] : undefined;
    lines.push(`  Signed by: ${signer ? `${shownOwner(signer.owner)} ${signer.label}` : "self"}`);
    const rings = Object.entries(racf.keyrings).filter(([, r]) => r.certificates.some((x) => x.label === c.label && (x.owner ?? r.owner) === c.owner));
    lines.push(`  Ring Associations:`);
    if (rings.length === 0) lines.push(`    *** No rings associated ***`);
    for (const [key] of rings) lines.push(`    Ring Owner: ${key.split("/")[0]}`, `    Ring:`, `       >${key.slice(key.indexOf("/") + 1)}<`);
    lines.push("");
  }
  return { rc: 0, lines };
}
