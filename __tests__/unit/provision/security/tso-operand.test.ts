import { describe, expect, it } from "vitest";
import { tsoCommand, tsoOperand, tsoValue } from "../../../../src/templates/escape/tso";
import { systsinFor, readSystsin } from "../../../../src/racf/security-systsin";
import { HaError } from "../../../../src/errors";

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(HaError);
    expect((e as HaError).failureClass).toBe("invalid-input");
    return (e as HaError).message;
  }
  throw new Error("not refused");
};

describe("TSO operands", () => {
  it("quotes text, doubling an embedded quote, so a quote cannot end the operand", () => {
    expect(tsoOperand(tsoValue("text", "O'Brien ) ID(IBMUSER", "sysplex"))).toBe("'O''Brien ) ID(IBMUSER'");
  });

  it.each([
    ["IZUKeyring.IZUDFLT)ID(IBMUSER", "ring"],
    ["IZUKeyring\n RACDCERT ID(IBMUSER) DELRING(X)", "ring"],
    ["ring\\x20two", "ring"],
    ["a b", "ring"],
    ["IZUDFLT-", "name"],
    ["IZU'X", "name"],
    ["TOOLONGNAME", "name"],
    ["1ZU", "name"],
    ["host.example.com\nADDUSER X", "host"],
    ["host/*x*/.example.com", "host"],
    ["//host", "host"],
    ["192.0.2.300", "ipv4"],
    ["192.0.2.1)", "ipv4"],
    ["CA /* comment", "text"],
    ["line\nbreak", "text"],
  ] as const)("refuses %j as a %s operand, naming the field", (value, format) => {
    expect(refused(() => tsoOperand(tsoValue(format, value, "zosmfHa.keyring")))).toContain("zosmfHa.keyring");
  });

  it("shows control characters of a refused value visibly", () => {
    expect(refused(() => tsoOperand(tsoValue("ring", "a\nb", "zosmfHa.keyring")))).toContain(String.raw`"a\nb"`);
  });

  it("puts only the intended operand into a command", () => {
    const cmd = tsoCommand`RACDCERT ID(IZUSVR) ADDRING(${tsoValue("ring", "IZUKeyring.IZUDFLT", "zosmfHa.keyring")})`;
    expect(cmd).toBe("RACDCERT ID(IZUSVR) ADDRING(IZUKeyring.IZUDFLT)");
    expect(tsoCommand`X CN(${tsoValue("host", "zosmf.example.com", "zosmfHa.hostname")})`).toBe("X CN('zosmf.example.com')");
  });
});

describe("SYSTSIN lines", () => {
  it("wrap a long command with continuations and read back as exactly that command", () => {
    const command = `RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('zosmf.example.com') OU('IZUDFLT')) ALTNAME(IP(192.0.2.10) DOMAIN('sysa.example.com') DOMAIN('sysb.example.com')) WITHLABEL('DefaultzOSMFCert.IZUDFLT')`;
    const lines = systsinFor([command, "LISTUSER IZUSVR"]);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(71);
    expect(lines.slice(0, -2).every((l) => l.endsWith(" -"))).toBe(true);
    expect(readSystsin(lines).map((c) => c.replace(/\s+/g, " ").trim())).toEqual([command, "LISTUSER IZUSVR"]);
  });

  it("refuse a command that would end the in-stream data, hold a new line, or overflow 71 columns", () => {
    expect(() => systsinFor(["/* end of data"])).toThrow(HaError);
    // Column 1 is always blank, so no line is a JCL statement to JES.
    expect(systsinFor(["//X JOB"])[0]).toBe(" //X JOB");
    expect(() => systsinFor(["LISTUSER A\nDELUSER B"])).toThrow(HaError);
    expect(() => systsinFor(["LISTUSER A -"])).toThrow(HaError);
  });

  it("carry a quoted word longer than a line whole: split with + where the next piece starts with no blank or comma", () => {
    const name = `${"a".repeat(44)} ,${"b".repeat(60)}.example.com`;
    const lines = systsinFor([`RACDCERT ALTNAME(DOMAIN('${name}'))`]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.length <= 71)).toBe(true);
    expect(lines.filter((l) => l.endsWith("+")).length).toBeGreaterThan(0);
    const back = readSystsin(lines);
    expect(back).toHaveLength(1);
    expect(back[0]).toContain(`ALTNAME(DOMAIN('${name}'))`);
  });
});
