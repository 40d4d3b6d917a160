/**
 * A z/OSMF server opens its SSL key store, the SAF key ring KEYRING_NAME owned by the
 * server's own user (the STARTED profile's STDATA USER), when it starts. Without a ring, or
 * without a server certificate connected as DEFAULT that is trusted and not expired, Liberty
 * cannot load the key store and the server ends (INF: System SSL does not use a NOTRUST or
 * expired certificate). INF, no source found: the server also ends when the CA that signed
 * its certificate is not connected to the ring.
 * Message: CWPKI0033E (3P: OpenLiberty issue 9329, "The keystore located at … did not
 * load because of the following error: …"); the R_datalib text for a missing ring is the
 * one IRRSDL00 gives (3P: zowe/api-layer issue 4324); the other error texts are INF.
 */
import type { EmulatorState } from "../state";
import { NO_STC_USER, stcOwner } from "./stc-jobs";

/** Why the server's key store does not load, as the lines it prints; null when it loads. */
export function keystoreRefusal(
  state: EmulatorState,
  proc: string,
  job: string,
  keyringName: string,
  today: Date,
): { why: string; lines: string[] } | null {
  const racf = state.racf;
  // The same STARTED lookup that names the task's owner on the spool.
  const owner = stcOwner(state, proc.toUpperCase(), job.toUpperCase());
  const user = owner === NO_STC_USER ? undefined : owner;
  const location = `safkeyring:///${keyringName}`;
  const refuse = (error: string) => ({
    why: `KEYSTORE ${location} DID NOT LOAD`,
    lines: [`CWPKI0033E: The keystore located at ${location} did not load because of the following error: ${error}`],
  });
  if (!user) return refuse(`no STARTED profile gives ${proc.toUpperCase()} a user to own the key ring`);
  const ring = racf.keyrings[`${user}/${keyringName}`];
  if (!ring) return refuse("R_datalib (IRRSDL00) error: profile for ring not found (8, 8, 84)");
  const entry = ring.certificates.find((c) => c.default && c.usage === "PERSONAL");
  const cert = entry ? racf.certificates[`${entry.owner ?? user}/${entry.label}`] : undefined;
  if (!entry || !cert) return refuse(`key ring ${user}/${keyringName} has no default personal certificate`);
  if (cert.trust === "NOTRUST") return refuse(`certificate ${entry.label} on key ring ${user}/${keyringName} is NOTRUST`);
  if (cert.notAfter && today.toISOString().slice(0, 10) > cert.notAfter)
    return refuse(`certificate ${entry.label} on key ring ${user}/${keyringName} expired on ${cert.notAfter}`);
  const signer = cert.signedBy ? racf.certificates[cert.signedBy] : undefined;
  const signerConnected =
    signer && ring.certificates.some((c) => c.usage === "CERTAUTH" && c.label === signer.label && (c.owner ?? user) === signer.owner);
  if (!signer || !signerConnected)
    return refuse(
      `the issuer of certificate ${entry.label} is not connected to key ring ${user}/${keyringName} as a trusted CERTAUTH certificate`,
    );
  return null;
}
