/**
 * RACF answers as IBM documents them (facts §10.1): "not found" ids for each listing, an
 * undefined user id makes CONNECT and PERMIT do nothing, and RACDCERT LIST / LISTRING show
 * the certificate's names and the ring's connections.
 */
import { describe, expect, it } from "vitest";
import { runRacfCommands } from "../../../emulator/programs/racf";
import { cc, instream, newState, run, sysout } from "./helpers";

const tso = (state: ReturnType<typeof newState>, text: string) => {
  const r = run(state, "IKJEFT01", [sysout("SYSTSPRT"), instream("SYSTSIN", text)]);
  return { r, out: r.outputs.SYSTSPRT as string };
};

describe("RACF listings of what does not exist", () => {
  it("answer with the documented not-found ids", () => {
    const state = newState();
    const { out } = tso(
      state,
      "LISTUSER IZUSVR\nLISTGRP IZUADMIN\nRLIST FACILITY BPX.CONSOLE\nRACDCERT CERTAUTH LIST(LABEL('zOSMFCA'))\nRACDCERT ID(IBMUSER) LISTRING(IZUKeyring.IZUDFLT)\nRACDCERT ID(IBMUSER) LISTRING(*)",
    );
    expect(out).toMatch(/^ICH30001I .*IZUSVR/m);
    expect(out).toMatch(/^ICH51003I .*IZUADMIN/m);
    expect(out).toMatch(/^ICH13003I BPX\.CONSOLE/m);
    expect(out).toContain("IRRD107I No matching certificate was found for this user.");
    expect(out).toContain("IRRD114I Ring IZUKeyring.IZUDFLT does not exist.");
    expect(out).toContain("IRRD115I User IBMUSER has no rings.");
    // A certificate that is missing is never reported as one that exists.
    expect(out).not.toMatch(/already/i);
  });
});

describe("PERMIT of a profile that is not defined", () => {
  it("answers ICH06004I with the documented text, naming the profile", () => {
    const state = newState();
    const { out } = tso(state, "PERMIT BPX.CONSOLE CLASS(FACILITY) ID(IBMUSER) ACCESS(READ)");
    expect(out.split("\n")).toContain("ICH06004I BPX.CONSOLE NOT DEFINED TO RACF");
  });
});

describe("an undefined user id", () => {
  it("makes CONNECT and PERMIT do nothing, with ICH21001I", () => {
    const state = newState();
    runRacfCommands(state, "IBMUSER", ["ADDGROUP IZUSECAD", "RDEFINE FACILITY BPX.CONSOLE UACC(NONE)"]);
    const { r, out } = tso(state, "CONNECT IZUSVR GROUP(IZUSECAD)\nPERMIT BPX.CONSOLE CLASS(FACILITY) ID(IBMUSER IZUSVR) ACCESS(READ)");
    expect(out).toContain("ICH21001I UNDEFINED USER ID(S) = IZUSVR");
    expect(out.match(/ICH21001I/g)).toHaveLength(2);
    expect(cc(r)).toBeGreaterThan(0);
    expect(state.racf.profiles.FACILITY!["BPX.CONSOLE"]!.access).toEqual({});
    expect(state.racf.users.IZUSVR).toBeUndefined();
  });
});

describe("RACDCERT LIST and LISTRING", () => {
  it("show subject, issuer, validity and alternative names, and the ring's connected certificates", () => {
    const state = newState();
    runRacfCommands(state, "IBMUSER", [
      "ADDGROUP IZUADMIN",
      "ADDUSER IZUSVR DFLTGRP(IZUADMIN) NOPASSWORD",
      "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('z/OSMF CA') OU('IZUDFLT')) WITHLABEL('zOSMFCA') KEYUSAGE(CERTSIGN) NOTAFTER(DATE(2035-12-31))",
      "RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('zosmf.example.com') OU('IZUDFLT')) ALTNAME(IP(192.0.2.10) DOMAIN('zosmf.example.com') DOMAIN('sysa.example.com')) WITHLABEL('DefaultzOSMFCert.IZUDFLT') SIGNWITH(CERTAUTH LABEL('zOSMFCA')) NOTAFTER(DATE(2035-12-31))",
      "RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)",
      "RACDCERT ID(IZUSVR) CONNECT(ID(IZUSVR) LABEL('DefaultzOSMFCert.IZUDFLT') RING(IZUKeyring.IZUDFLT) DEFAULT)",
      "RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT) USAGE(CERTAUTH))",
    ]);
    const { out } = tso(
      state,
      "RACDCERT ID(IZUSVR) LIST(LABEL('DefaultzOSMFCert.IZUDFLT'))\nRACDCERT ID(IZUSVR) LISTRING(IZUKeyring.IZUDFLT)",
    );
    expect(out).toContain("Label: DefaultzOSMFCert.IZUDFLT");
    expect(out).toMatch(/Issuer's Name:\n\s+>CN=z\/OSMF CA\.OU=IZUDFLT</);
    expect(out).toMatch(/Subject's Name:\n\s+>CN=zosmf\.example\.com\.OU=IZUDFLT</);
    expect(out).toMatch(/End Date:\s+2035\/12\/31/);
    expect(out).toMatch(/Subject's AltNames:\n\s+IP: 192\.0\.2\.10\n\s+Domain: zosmf\.example\.com\n\s+Domain: sysa\.example\.com/);
    expect(out).toMatch(/DefaultzOSMFCert\.IZUDFLT\s+ID\(IZUSVR\)\s+PERSONAL\s+YES/);
    expect(out).toMatch(/zOSMFCA\s+CERTAUTH\s+CERTAUTH\s+NO/);
  });

  it("refuses a NOTAFTER date not written yyyy-mm-dd", () => {
    const state = newState();
    const { r } = tso(state, "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('CA') NOTAFTER(DATE(2035/12/31))");
    expect(cc(r)).toBe(12);
    expect(state.racf.certificates["CERTAUTH/CA"]).toBeUndefined();
  });
});
