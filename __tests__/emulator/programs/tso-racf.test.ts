import { describe, expect, it } from "vitest";
import { cc, instream, newState, run, sysout } from "./helpers";

/** The definitions of IZUSEC's nucleus steps (facts §7.2), in the forms TSO batch accepts. */
const IZUSEC = `
  ADDGROUP (IZUADMIN IZUUSER IZUUNGRP IZUSECAD) OMVS(AUTOGID)
  ADDUSER IZUSVR DFLTGRP(IZUADMIN) NOPASSWORD -
    NAME('ZOSMF SERVER') -
    OMVS(AUTOUID HOME(/global/zosmf/data/home/izusvr) -
    PROGRAM(/bin/sh))
  ALTUSER IZUSVR OMVS(FILEPROC(10000))
  CONNECT IZUSVR GROUP(IZUSECAD)
  ADDUSER IZUGUEST RESTRICTED DFLTGRP(IZUUNGRP) NOPASSWORD +
          OMVS(AUTOUID HOME(/tmp) PROGRAM(/bin/false))
  /* server class */
  SETROPTS CLASSACT(SERVER STARTED FACILITY APPL EJBROLE) RACLIST(SERVER STARTED FACILITY APPL EJBROLE)
  RDEFINE SERVER BBG.ANGEL.IZUANG1 UACC(NONE)
  PERMIT BBG.ANGEL.IZUANG1 CLASS(SERVER) ACCESS(READ) ID(IZUSVR)
  RDEFINE FACILITY BBG.SYNC.IZUDFLT UACC(NONE)
  PERMIT BBG.SYNC.IZUDFLT CLASS(FACILITY) ID(IZUSVR) ACCESS(CONTROL)
  RDEFINE APPL IZUDFLT UACC(NONE)
  PERMIT IZUDFLT CLASS(APPL) ID(IZUADMIN IZUUSER IZUGUEST) ACCESS(READ)
  RDEFINE EJBROLE IZUDFLT.*.izuUsers UACC(NONE)
  PERMIT IZUDFLT.*.izuUsers CLASS(EJBROLE) ID(IZUADMIN IZUUSER) ACCESS(READ)
  SETROPTS RACLIST(SERVER FACILITY APPL EJBROLE) REFRESH
  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('z/OSMF CA') OU('IZUDFLT')) -
    SIZE(2048) NOTAFTER(DATE(2030-12-31)) WITHLABEL('zOSMFCA') KEYUSAGE(CERTSIGN)
  RACDCERT ADDRING(IZUKeyring.IZUDFLT) ID(IZUSVR)
  RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('zosmf.example.com') O('IBM') OU('IZUDFLT')) -
    WITHLABEL('DefaultzOSMFCert.IZUDFLT') SIGNWITH(CERTAUTH LABEL('zOSMFCA'))
  RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(IZUKeyring.IZUDFLT) USAGE(CERTAUTH))
  RACDCERT ID(IZUSVR) CONNECT(ID(IZUSVR) LABEL('DefaultzOSMFCert.IZUDFLT') RING(IZUKeyring.IZUDFLT) DEFAULT)
  RDEFINE STARTED IZUSVR1.* UACC(NONE) STDATA(USER(IZUSVR) GROUP(IZUADMIN) TRUSTED(NO))
  RDEFINE STARTED IZUANG1.* UACC(NONE) STDATA(USER(IZUSVR) GROUP(IZUADMIN) PRIVILEGED(NO) TRUSTED(NO) TRACE(YES))
  SETROPTS RACLIST(STARTED) REFRESH
`;

const tso = (state: ReturnType<typeof newState>, text: string, opts: { user?: string; pgm?: string } = {}) => {
  const r = run(state, opts.pgm ?? "IKJEFT01", [sysout("SYSTSPRT"), instream("SYSTSIN", text)], { user: opts.user });
  return { r, out: r.outputs.SYSTSPRT };
};

describe("TSO batch RACF commands (IZUSEC)", () => {
  it("first run defines everything with CC 0", () => {
    const state = newState();
    const { r, out } = tso(state, IZUSEC);
    expect(out, out).not.toMatch(/IKJ56\d+I|ICH00007I|ICH10102I|IRRD1\d\dI|ICH14070I/);
    expect(cc(r)).toBe(0);
    const racf = state.racf;
    for (const g of ["IZUADMIN", "IZUUSER", "IZUUNGRP", "IZUSECAD"]) expect(racf.groups[g]?.gid).toBeGreaterThan(0);
    expect(racf.users.IZUSVR).toMatchObject({
      defaultGroup: "IZUADMIN",
      groups: ["IZUADMIN", "IZUSECAD"],
      home: "/global/zosmf/data/home/izusvr",
      program: "/bin/sh",
      protected: true,
      fileProcMax: 10000,
    });
    expect(racf.users.IZUGUEST).toMatchObject({ restricted: true, defaultGroup: "IZUUNGRP" });
    expect(racf.profiles.SERVER["BBG.ANGEL.IZUANG1"].access).toEqual({ IZUSVR: "READ" });
    expect(racf.profiles.APPL.IZUDFLT.access).toEqual({ IZUADMIN: "READ", IZUUSER: "READ", IZUGUEST: "READ" });
    expect(racf.profiles.EJBROLE["IZUDFLT.*.izuUsers"]).toBeDefined();
    expect(racf.profiles.STARTED["IZUSVR1.*"].stdata).toEqual({ USER: "IZUSVR", GROUP: "IZUADMIN", TRUSTED: "NO" });
    expect(racf.profiles.STARTED["IZUANG1.*"].stdata).toMatchObject({ USER: "IZUSVR", PRIVILEGED: "NO", TRACE: "YES" });
    expect(racf.raclisted).toEqual(expect.arrayContaining(["SERVER", "STARTED", "FACILITY", "APPL", "EJBROLE"]));
    expect(racf.certificates["CERTAUTH/zOSMFCA"]).toMatchObject({ owner: "CERTAUTH", label: "zOSMFCA" });
    expect(racf.certificates["IZUSVR/DefaultzOSMFCert.IZUDFLT"]).toMatchObject({ signedBy: "CERTAUTH/zOSMFCA" });
    expect(racf.keyrings["IZUSVR/IZUKeyring.IZUDFLT"]).toEqual({
      owner: "IZUSVR",
      certificates: [
        { label: "zOSMFCA", usage: "CERTAUTH", default: false, owner: "CERTAUTH" },
        { label: "DefaultzOSMFCert.IZUDFLT", usage: "PERSONAL", default: true, owner: "IZUSVR" },
      ],
    });
    // Listing with READY prompts and the echoed commands.
    const lines = out.split("\n");
    expect(lines[0]).toBe("READY");
    expect(lines[1]).toContain("ADDGROUP (IZUADMIN IZUUSER IZUUNGRP IZUSECAD) OMVS(AUTOGID)");
    expect(lines.at(-1)).toBe("END");
    expect(out).toContain("ICH01024I User IZUSVR is defined as PROTECTED.");
  });

  it("a second run reports every definition as already there and ends non-zero", () => {
    const state = newState();
    tso(state, IZUSEC);
    const before = JSON.stringify(state.racf);
    const { r, out } = tso(state, IZUSEC);
    for (const g of ["IZUADMIN", "IZUUSER", "IZUUNGRP", "IZUSECAD"]) expect(out).toContain(`IKJ56702I INVALID GROUP, ${g}`);
    expect(out).toContain("IKJ56702I INVALID USERID, IZUSVR");
    expect(out).toContain("IKJ56702I INVALID USERID, IZUGUEST");
    for (const [p, c] of [
      ["BBG.ANGEL.IZUANG1", "SERVER"],
      ["BBG.SYNC.IZUDFLT", "FACILITY"],
      ["IZUDFLT", "APPL"],
      ["IZUDFLT.*.izuUsers", "EJBROLE"],
      ["IZUSVR1.*", "STARTED"],
      ["IZUANG1.*", "STARTED"],
    ])
      expect(out).toContain(`ICH10102I ${p} ALREADY DEFINED TO CLASS ${c}.`);
    expect(out).toMatch(/IRRD109I .*'zOSMFCA'/);
    expect(out).toMatch(/IRRD109I .*'DefaultzOSMFCert\.IZUDFLT'/);
    expect(out).toContain("IRRD122I Ring IZUKeyring.IZUDFLT already exists.");
    expect(cc(r)).toBe(8);
    // Re-running changes nothing.
    expect(JSON.stringify(state.racf)).toBe(before);
  });

  it("a user without SPECIAL is not authorized: CC 8 and nothing defined", () => {
    const state = newState();
    state.racf.users.JOE = { defaultGroup: "SYS1", groups: ["SYS1"] };
    const { r, out } = tso(
      state,
      "ADDGROUP IZUADMIN OMVS(AUTOGID)\nRDEFINE STARTED IZUSVR1.* STDATA(USER(IZUSVR))\nRACDCERT ADDRING(R1) ID(JOE)",
      { user: "JOE" },
    );
    expect(cc(r)).toBe(8);
    expect(out).toContain("ICH00007I INSUFFICIENT AUTHORITY TO ADDGROUP IZUADMIN");
    expect(out).toContain("ICH00007I INSUFFICIENT AUTHORITY TO RDEFINE STARTED IZUSVR1.*");
    expect(out).toContain("IRRD103I");
    expect(state.racf.groups.IZUADMIN).toBeUndefined();
    expect(state.racf.profiles.STARTED).toBeUndefined();
  });

  it("list commands show what exists", () => {
    const state = newState();
    tso(state, IZUSEC);
    const { r, out } = tso(
      state,
      "RLIST STARTED IZUSVR1.* STDATA\nLISTGRP IZUADMIN\nLISTUSER IZUSVR OMVS\nRACDCERT LISTRING(IZUKeyring.IZUDFLT) ID(IZUSVR)\nRLIST STARTED NOPE.*",
    );
    expect(out).toContain("USER= IZUSVR");
    expect(out).toContain("INFORMATION FOR GROUP IZUADMIN");
    expect(out).toMatch(/HOME= \/global\/zosmf\/data\/home\/izusvr/);
    expect(out).toMatch(/DefaultzOSMFCert\.IZUDFLT\s+ID\(IZUSVR\)\s+PERSONAL\s+YES/);
    expect(out).toContain("ICH13003I NOPE.* NOT FOUND");
    expect(cc(r)).toBe(4);
  });

  it("an unknown command is IKJ56500I with RC 12; IKJEFT01 goes on, IKJEFT1B stops", () => {
    const state = newState();
    const a = tso(state, "FROBNICATE X\nADDGROUP G1");
    expect(a.out).toContain("IKJ56500I COMMAND FROBNICATE NOT FOUND");
    expect(cc(a.r)).toBe(12);
    expect(state.racf.groups.G1).toBeDefined();
    const b = tso(state, "FROBNICATE X\nADDGROUP G2", { pgm: "IKJEFT1B" });
    expect(cc(b.r)).toBe(12);
    expect(state.racf.groups.G2).toBeUndefined();
  });

  it("TSO DELETE with a quoted name removes the caching-service cluster (ZWECSRVS)", () => {
    const state = newState();
    run(state, "IDCAMS", [
      sysout("SYSPRINT"),
      instream("SYSIN", "DEFINE CLUSTER (NAME(ZWE.CACHE) INDEXED KEYS(128 0) -\n RECSZ(4096 4096) REC(80 20) VOL(V1))"),
    ]);
    const { r, out } = tso(state, "DELETE 'ZWE.CACHE' CLUSTER\nDELETE CACHE");
    expect(out).toContain("IDC0550I ENTRY (C) ZWE.CACHE DELETED");
    // The unquoted name gets the user prefix.
    expect(out).toContain("IDC3012I ENTRY IBMUSER.CACHE NOT FOUND");
    expect(cc(r)).toBe(8);
  });
});
