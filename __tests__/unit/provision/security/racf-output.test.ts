import { describe, expect, it } from "vitest";
import { classifyDefine, classifyListing } from "../../../../src/racf/racf-output";
import { splitTsoOutput } from "../../../../src/racf/tso-output";
import type { ListSubject } from "../../../../src/racf/security-catalogue";
import { judgeListing, listingFailures } from "../../../../src/provision/zosmf-ha/security-step";
import { securityCatalogue } from "../../../../src/racf/security-catalogue";
import { parseTopology } from "../../../../src/topology";
import { readFileSync } from "node:fs";
import * as path from "node:path";

const out = (command: string, ...messages: string[]) => ({ command, messages });

const user: ListSubject = { kind: "user", name: "IZUSVR" };
const group: ListSubject = { kind: "group", name: "IZUADMIN" };
const profile: ListSubject = { kind: "profile", cls: "FACILITY", name: "BPX.CONSOLE" };
const permit: ListSubject = { kind: "permit", cls: "FACILITY", name: "BPX.CONSOLE", id: "IZUSVR", access: "READ" };
const cert: ListSubject = {
  kind: "certificate",
  owner: "IZUSVR",
  label: "DefaultzOSMFCert.IZUDFLT",
  requiredNames: ["192.0.2.10", "sysa.example.com"],
};
const ring: ListSubject = { kind: "ring", owner: "IZUSVR", ring: "IZUKeyring.IZUDFLT" };
const conn: ListSubject = {
  kind: "connection",
  owner: "IZUSVR",
  ring: "IZUKeyring.IZUDFLT",
  label: "zOSMFCA",
  certOwner: "CERTAUTH",
  isDefault: false,
};

describe("listing answers", () => {
  it.each([
    ["ICH30001I UNABLE TO LOCATE USER ENTRY IZUSVR", user],
    ["ICH51003I NAME IZUADMIN NOT FOUND IN RACF DATA SET", group],
    ["ICH13003I BPX.CONSOLE NOT FOUND", profile],
    ["ICH13003I BPX.CONSOLE NOT FOUND", permit],
    ["IRRD107I No matching certificate was found for this user.", cert],
    ["IRRD114I Ring IZUKeyring.IZUDFLT does not exist.", ring],
    ["IRRD115I User IZUSVR has no rings.", ring],
    ["IRRD114I Ring IZUKeyring.IZUDFLT does not exist.", conn],
    ["ICH21001I UNDEFINED USER ID(S) = IZUSVR", cert],
    ["ICH21001I UNDEFINED USER ID(S) = IZUSVR", ring],
  ] as const)("%s means missing", (line, subject) => {
    expect(classifyListing(subject, out("X", line)).state).toBe("missing");
  });

  it.each([
    ["ICH00007I INSUFFICIENT AUTHORITY TO LISTUSER IZUSVR", user],
    ["IKJ56702I INVALID USERID, IZUSVR", user],
    ["ICH30001I UNABLE TO LOCATE USER ENTRY IZUSVR", group],
    ["IRRD107I No matching certificate was found for this user.", ring],
    ["ICH21001I UNDEFINED USER ID(S) = IBMUSER", cert],
    ["USER NOT FOUND", user],
    ["IRRD109I The certificate cannot be added.", cert],
  ] as const)("%s is unknown, with its lines", (line, subject) => {
    expect(classifyListing(subject, out("X", line))).toEqual({ state: "unknown", lines: [line] });
  });

  it("no output at all is unknown", () => {
    expect(classifyListing(user, undefined).state).toBe("unknown");
    expect(classifyListing(user, out("LISTUSER IZUSVR")).state).toBe("unknown");
  });

  it("present only when RACF's listing shows the entry", () => {
    expect(classifyListing(user, out("X", "USER=IZUSVR  NAME=UNKNOWN  OWNER=IZUADMIN")).state).toBe("present");
    expect(classifyListing(user, out("X", "USER=IZUSVRX  NAME=UNKNOWN")).state).toBe("unknown");
    expect(classifyListing(group, out("X", "INFORMATION FOR GROUP IZUADMIN")).state).toBe("present");
    const rlist = [
      "CLASS      NAME",
      "-----      ----",
      "FACILITY   BPX.CONSOLE",
      "",
      "  USER      ACCESS   ACCESS COUNT",
      "  ----      ------   ------ -----",
      "  IZUSVR    READ      000000",
    ];
    expect(classifyListing(profile, out("X", ...rlist)).state).toBe("present");
    expect(classifyListing(permit, out("X", ...rlist)).state).toBe("present");
    const noPermit = [...rlist.slice(0, 6), "  NO USERS IN ACCESS LIST"];
    expect(classifyListing(permit, out("X", ...noPermit)).state).toBe("missing");
    // A profile listed without its access list says nothing about the permit.
    expect(classifyListing(permit, out("X", ...rlist.slice(0, 3))).state).toBe("unknown");
  });

  it("a discrete name RLIST answers with its covering generic profile is missing, with a note naming the generic profile", () => {
    const generic = [
      "CLASS      NAME",
      "-----      ----",
      "FACILITY   BPX.** (G)",
      "",
      "LEVEL  OWNER      UNIVERSAL ACCESS  YOUR ACCESS  WARNING",
      "-----  --------   ----------------  -----------  -------",
      " 00    IBMUSER    NONE              ALTER        NO",
      "",
      "  USER      ACCESS   ACCESS COUNT",
      "  ----      ------   ------ -----",
      "  IZUSVR    READ      000000",
    ];
    const note =
      "FACILITY BPX.CONSOLE has no discrete profile; only the generic profile BPX.** covers it (the definition creates the discrete one)";
    expect(classifyListing(profile, out("X", ...generic))).toEqual({ state: "missing", note });
    // The generic profile's access list is not the discrete profile's permit.
    expect(classifyListing(permit, out("X", ...generic))).toEqual({ state: "missing", note });
    // A generic row of another class, or with a message id, is not read as that.
    expect(classifyListing(profile, out("X", ...generic.slice(0, 2), "SERVAUTH   BPX.** (G)")).state).toBe("unknown");
    expect(classifyListing(profile, out("X", ...generic, "ICH00007I INSUFFICIENT AUTHORITY")).state).toBe("unknown");
  });

  const NOW = new Date("2026-06-01T12:00:00Z");
  const dated = (status: string, start = "2025/01/01 00:00:00", end = "2035/12/31 23:59:59") => [
    `  Status: ${status}`,
    `  Start Date: ${start}`,
    `  End Date:   ${end}`,
  ];

  it("a certificate without a required name is a mismatch naming it", () => {
    const head = ["Digital certificate information for user IZUSVR:", "", "  Label: DefaultzOSMFCert.IZUDFLT", ...dated("TRUST")];
    const block = [...head, "  Subject's AltNames:", "    Domain: old.example.com", "    IP: 192.0.2.10", "  Key Type: RSA"];
    expect(classifyListing(cert, out("X", ...block), NOW)).toEqual({
      state: "mismatch",
      missingNames: ["sysa.example.com"],
      problems: ["its subject alternative names lack sysa.example.com"],
    });
    expect(
      classifyListing(cert, out("X", ...head, "  Subject's AltNames:", "    Domain: SYSA.example.com", "    IP: 192.0.2.10"), NOW).state,
    ).toBe("present");
  });

  it("a NOTRUST certificate, or one outside its dates, is a mismatch saying why; HIGHTRUST within its dates is present", () => {
    const ca: ListSubject = { kind: "certificate", owner: "CERTAUTH", label: "zOSMFCA" };
    const listed = (...lines: string[]) =>
      out("X", "Digital certificate information for CERTAUTH:", "", "  Label: zOSMFCA", ...lines, "  Key Type: RSA");
    expect(classifyListing(ca, listed(...dated("NOTRUST")), NOW)).toMatchObject({ state: "mismatch", problems: ["its status is NOTRUST"] });
    expect(classifyListing(ca, listed(...dated("TRUST", "2024/01/01 00:00:00", "2025/12/31 23:59:59")), NOW)).toMatchObject({
      state: "mismatch",
      problems: ["it expired on 2025/12/31 23:59:59"],
    });
    expect(classifyListing(ca, listed(...dated("TRUST", "2027/01/01 00:00:00")), NOW)).toMatchObject({
      state: "mismatch",
      problems: ["it is not valid before 2027/01/01 00:00:00"],
    });
    expect(classifyListing(ca, listed(...dated("HIGHTRUST")), NOW).state).toBe("present");
    // Without a status or dates RACF's answer was not read.
    expect(classifyListing(ca, listed("  Start Date: 2025/01/01 00:00:00", "  End Date:   2035/12/31 23:59:59"), NOW).state).toBe(
      "unknown",
    );
    expect(classifyListing(ca, listed("  Status: TRUST"), NOW).state).toBe("unknown");
  });

  it("the step's failure names the certificate and why, and neither keeps nor replaces it", () => {
    const item = securityCatalogue(
      parseTopology(readFileSync(path.join(__dirname, "../../../../examples/two-system.yaml"), "utf8"), { fileName: "two-system.yaml" }),
    ).find((i) => i.subject.kind === "certificate" && i.subject.owner === "CERTAUTH")!;
    const failures = listingFailures([{ item, verdict: { state: "mismatch", missingNames: [], problems: ["its status is NOTRUST"] } }]);
    expect(failures).toEqual([
      expect.stringMatching(/^certificate CERTAUTH zOSMFCA exists but its status is NOTRUST; .*neither kept as is nor replaced/),
    ]);
  });

  it("a ring shows its connections; a ring without the CA connected is missing that connection", () => {
    const listing = [
      "Digital ring information for user IZUSVR:",
      "",
      "  Ring:",
      "       >IZUKeyring.IZUDFLT<",
      "  Certificate Label Name             Cert Owner     USAGE      DEFAULT",
      "  --------------------------------   ------------   --------   -------",
    ];
    expect(classifyListing(ring, out("X", ...listing, "  *** No certificates connected ***")).state).toBe("present");
    expect(classifyListing(conn, out("X", ...listing, "  *** No certificates connected ***")).state).toBe("missing");
    expect(classifyListing(conn, out("X", ...listing, "  zOSMFCA                            CERTAUTH       CERTAUTH   NO")).state).toBe(
      "present",
    );
    const server: ListSubject = {
      kind: "connection",
      owner: "IZUSVR",
      ring: "IZUKeyring.IZUDFLT",
      label: "DefaultzOSMFCert.IZUDFLT",
      certOwner: "IZUSVR",
      isDefault: true,
    };
    expect(classifyListing(server, out("X", ...listing, "  DefaultzOSMFCert.IZUDFLT           ID(IZUSVR)     PERSONAL   NO")).state).toBe(
      "missing",
    );
    expect(classifyListing(server, out("X", ...listing, "  DefaultzOSMFCert.IZUDFLT           ID(IZUSVR)     PERSONAL   YES")).state).toBe(
      "present",
    );
  });
});

describe("definition answers", () => {
  it("counts 'already defined' only for the id that means it for that command", () => {
    expect(
      classifyDefine(out("RDEFINE FACILITY BPX.CONSOLE UACC(NONE)", "ICH10102I BPX.CONSOLE ALREADY DEFINED TO CLASS FACILITY.")).outcome,
    ).toBe("already defined");
    expect(
      classifyDefine(
        out(
          "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('zOSMFCA')",
          "IRRD109I The certificate cannot be added.",
          "  Profile x is already defined",
        ),
      ).outcome,
    ).toBe("already defined");
    expect(classifyDefine(out("RACDCERT ID(IZUSVR) ADDRING(R)", "IRRD122I Ring R already exists.")).outcome).toBe("already defined");
    // The same ids for other commands, and IRRD107I anywhere, are failures.
    expect(classifyDefine(out("RACDCERT ID(IZUSVR) CONNECT(CERTAUTH LABEL('zOSMFCA') RING(R))", "IRRD109I x")).outcome).toBe("failed");
    expect(
      classifyDefine(out("RACDCERT ID(IZUSVR) GENCERT WITHLABEL('X')", "IRRD107I No matching certificate was found for this user."))
        .outcome,
    ).toBe("failed");
    expect(classifyDefine(out("ADDUSER IZUSVR", "IKJ56702I INVALID USERID, IZUSVR")).outcome).toBe("failed");
    expect(classifyDefine(out("CONNECT IZUSVR GROUP(IZUSECAD)", "ICH21001I UNDEFINED USER ID(S) = IZUSVR")).outcome).toBe("failed");
  });

  it("a command with only informational ids is defined; an unread line fails it, shown", () => {
    expect(
      classifyDefine(
        out(
          "ADDUSER IZUSVR NOPASSWORD",
          "ICH01024I User IZUSVR is defined as PROTECTED.",
          "IRR52177I User IZUSVR was assigned an OMVS UID value of 990001.",
        ),
      ).outcome,
    ).toBe("defined");
    expect(classifyDefine(out("ADDGROUP IZUADMIN")).outcome).toBe("defined");
    expect(classifyDefine(out("ADDGROUP IZUADMIN", "SOMETHING ODD"))).toEqual({ outcome: "failed", unread: ["SOMETHING ODD"] });
  });
});

describe("the security listing job", () => {
  const t = parseTopology(readFileSync(path.join(__dirname, "../../../../examples/two-system.yaml"), "utf8"), {
    fileName: "two-system.yaml",
  });
  const items = securityCatalogue(t);
  const spool = (text: string) => ({
    job: {} as never,
    retcode: "CC 0008",
    rc: 8,
    spool: [{ ddname: "SYSTSPRT", stepname: "LIST", text }],
  });

  it("fails with the lines it could not read", () => {
    const first = items[0]!;
    const text = ["READY", ` ${first.list}`, "ICH00007I INSUFFICIENT AUTHORITY TO LISTGRP", "READY", "END"].join("\n");
    const failures = listingFailures(judgeListing(spool(text), items));
    expect(failures[0]).toContain(`${first.id}: could not read the answer to ${first.list}: ICH00007I INSUFFICIENT AUTHORITY TO LISTGRP`);
    // Commands with no output at all are unknown as well.
    expect(failures.length).toBe(items.length);
  });

  it("reads an echo printed as its continued input lines as one command", () => {
    const [c] = splitTsoOutput("READY\n RACDCERT ID(IZUSVR) -\n   ADDRING(R)\nIRRD122I Ring R already exists.\nREADY\nEND");
    expect(c!.command.replace(/\s+/g, " ")).toBe("RACDCERT ID(IZUSVR) ADDRING(R)");
    expect(classifyDefine(c!).outcome).toBe("already defined");
  });

  it("splits SYSTSPRT by the READY prompts", () => {
    expect(splitTsoOutput("READY\n LISTUSER A\nICH30001I X\nREADY\n LISTGRP B\nREADY\nEND")).toEqual([
      { command: "LISTUSER A", messages: ["ICH30001I X"] },
      { command: "LISTGRP B", messages: [] },
    ]);
  });
});
