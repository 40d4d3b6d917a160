/**
 * The security IZUSEC leaves behind for z/OSMF servers (facts §7.2), for sysplexes that
 * tests build by hand with servers already configured. The seeded fresh sysplex has none of it.
 */
import type { EmulatorState } from "../state";
import { runRacfCommands, seedRacfAdministrator } from "./racf";

export function defineZosmfSecurity(
  state: EmulatorState,
  serverProcs: readonly string[],
  options: { angel?: string; keyring?: string; names?: readonly string[] } = {},
): void {
  const ring = options.keyring ?? "IZUKeyring.IZUDFLT";
  seedRacfAdministrator(state, "IBMUSER");
  const alt = (options.names ?? ["192.0.2.10"]).map((n) => (/^[\d.]+$/.test(n) ? `IP(${n})` : `DOMAIN('${n}')`)).join(" ");
  const results = runRacfCommands(state, "IBMUSER", [
    "ADDGROUP IZUADMIN OMVS(AUTOGID)",
    "ADDUSER IZUSVR DFLTGRP(IZUADMIN) NOPASSWORD",
    ...[...serverProcs, options.angel ?? "IZUANG1"].map((p) => `RDEFINE STARTED ${p}.* UACC(NONE) STDATA(USER(IZUSVR) GROUP(IZUADMIN))`),
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('z/OSMF CA')) WITHLABEL('zOSMFCA') KEYUSAGE(CERTSIGN) NOTAFTER(DATE(2035-12-31))",
    `RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('zosmf')) ALTNAME(${alt}) WITHLABEL('DefaultzOSMFCert.IZUDFLT') SIGNWITH(CERTAUTH LABEL('zOSMFCA')) NOTAFTER(DATE(2035-12-31))`,
    `RACDCERT ID(IZUSVR) ADDRING(${ring})`,
    `RACDCERT ID(IZUSVR) CONNECT(ID(IZUSVR) LABEL('DefaultzOSMFCert.IZUDFLT') RING(${ring}) DEFAULT)`,
    `RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(${ring}) USAGE(CERTAUTH))`,
  ]);
  const failed = results.find((r) => r.rc > 4);
  if (failed) throw new Error(`z/OSMF security set-up failed: ${failed.lines.join("; ")}`);
}
