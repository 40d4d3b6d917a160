/**
 * The emulator's own certificate authority: a CA certificate and a server certificate for
 * localhost and 127.0.0.1 signed by it. Clients trust the CA file (rejectUnauthorized stays
 * on). Key generation is the slow part, so the set is kept in caDir and reused; each set is
 * written once under a name derived from its CA, so concurrent emulators never mix two sets.
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import forge from "node-forge";

export interface TlsMaterial {
  caCertPem: string;
  certPem: string;
  keyPem: string;
  /** PEM file holding the CA certificate. */
  caFile: string;
}

const BUNDLE = "emulator-ca-bundle.json";

export const defaultCaDir = () => path.join(os.tmpdir(), "zowe-ha-emulator-ca");

function rsaKeyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  // Native key generation: forge's pure-JS RSA takes seconds per 2048-bit key.
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString()) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

function certificate(options: {
  subject: forge.pki.CertificateField[];
  issuer: forge.pki.CertificateField[];
  publicKey: forge.pki.PublicKey;
  signingKey: forge.pki.rsa.PrivateKey;
  serial: string;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  cert.serialNumber = options.serial;
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 24 * 3600 * 1000);
  cert.setSubject(options.subject);
  cert.setIssuer(options.issuer);
  cert.setExtensions(options.extensions);
  cert.sign(options.signingKey, forge.md.sha256.create());
  return cert;
}

function generate(): Omit<TlsMaterial, "caFile"> {
  const ca = rsaKeyPair();
  const caName = [
    { name: "commonName", value: "zowe-ha z/OSMF emulator CA" },
    { name: "organizationName", value: "zowe-ha emulator" },
  ];
  const caCert = certificate({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    serial: "01",
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      { name: "subjectKeyIdentifier" },
    ],
  });
  const server = rsaKeyPair();
  const serverCert = certificate({
    subject: [{ name: "commonName", value: "localhost" }],
    issuer: caName,
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    serial: "02",
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
        ],
      },
    ],
  });
  return {
    caCertPem: forge.pki.certificateToPem(caCert),
    certPem: forge.pki.certificateToPem(serverCert),
    keyPem: forge.pki.privateKeyToPem(server.privateKey),
  };
}

function atomicWrite(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, text, { mode: 0o600 });
  renameSync(temp, file);
}

export function ensureTlsMaterial(caDir: string = defaultCaDir()): TlsMaterial {
  mkdirSync(caDir, { recursive: true });
  const bundleFile = path.join(caDir, BUNDLE);
  let material: Omit<TlsMaterial, "caFile"> | undefined;
  if (existsSync(bundleFile)) {
    try {
      const read = JSON.parse(readFileSync(bundleFile, "utf8")) as Omit<TlsMaterial, "caFile">;
      if (read.caCertPem && read.certPem && read.keyPem) material = read;
    } catch {
      material = undefined;
    }
  }
  if (!material) {
    material = generate();
    atomicWrite(bundleFile, JSON.stringify(material));
  }
  const id = createHash("sha256").update(material.caCertPem).digest("hex").slice(0, 12);
  const caFile = path.join(caDir, `ca-${id}.pem`);
  if (!existsSync(caFile)) atomicWrite(caFile, material.caCertPem);
  return { ...material, caFile };
}
