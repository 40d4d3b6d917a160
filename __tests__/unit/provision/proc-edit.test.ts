import { describe, expect, it } from "vitest";
import { HaError } from "../../../src/errors";
import { setProcDefaults } from "../../../src/provision/zosmf-ha/proc-edit";
import { findJesReadingProblems } from "../../../src/templates/jcl-columns";

const seq = (data: string, n: number) => data.padEnd(72) + String(n).padStart(8, "0");
const SETTINGS = [
  { name: "IZUPRM", value: "0A", field: "systems[SYSA].zosmf.izuprmSuffix" },
  { name: "USERDIR", value: "'/global/zosmf/zosmfa'", field: "systems[SYSA].zosmf.userDir" },
];

/** Records of `after` that are not in `before`, and the reverse. */
function changed(before: string, after: string): { removed: string[]; added: string[] } {
  const b = before.split("\n");
  const a = after.split("\n");
  return { removed: b.filter((l) => !a.includes(l)), added: a.filter((l) => !b.includes(l)) };
}

describe("server procedure edit", () => {
  const numbered =
    [
      seq("//IZUSVR1  PROC IZUPRM=00,", 10000),
      seq("//             ROOT='/usr/lpp/zosmf',      ROOT DIRECTORY", 20000),
      seq("//             USERDIR='/global/zosmf'", 30000),
      seq("//*", 40000),
      seq("//IZUSVR1  EXEC PGM=BPXBATSL,REGION=0M,TIME=NOLIMIT,", 50000),
      seq("//             PARM='PGM &ROOT./bin/izusvr1 IZUPRM=&IZUPRM.'", 60000),
      seq("//WLPUDIR  DD PATH='&USERDIR./data'", 70000),
    ].join("\n") + "\n";

  it("keeps sequence numbers in columns 73-80 and column 72 blank on every record", () => {
    const out = setProcDefaults(numbered, SETTINGS, "P(IZUSVRA)");
    for (const line of out.split("\n").filter(Boolean)) {
      expect(line.length).toBeLessThanOrEqual(80);
      expect(line[71]).toBe(" ");
    }
    expect(changed(numbered, out)).toEqual({
      removed: [seq("//IZUSVR1  PROC IZUPRM=00,", 10000), seq("//             USERDIR='/global/zosmf'", 30000)],
      added: [seq("//IZUSVR1  PROC IZUPRM=0A,", 10000), seq("//             USERDIR='/global/zosmf/zosmfa'", 30000)],
    });
    expect(findJesReadingProblems(out)).toEqual([]);
  });

  it("adds IZUPRM= to a PROC without it, keeping every other record and column byte for byte", () => {
    const site = [
      seq("//IZUSVRA  PROC ROOT='/usr/lpp/zosmf',", 100),
      seq("//             USERDIR='/global/zosmf/zosmfa'       SITE COPY", 200),
      seq("//IZUSVR1  EXEC PGM=BPXBATSL", 300),
    ].join("\n");
    const out = setProcDefaults(site, SETTINGS, "P(IZUSVRA)");
    const lines = out.split("\n");
    expect(lines.every((l) => l.length <= 80 && (l[71] ?? " ") === " ")).toBe(true);
    expect(lines[0]).toBe(seq("//IZUSVRA  PROC ROOT='/usr/lpp/zosmf',", 100));
    expect(lines[1]).toBe(seq("//             USERDIR='/global/zosmf/zosmfa',IZUPRM=0A       SITE COPY", 200));
    expect(lines[2]).toBe(seq("//IZUSVR1  EXEC PGM=BPXBATSL", 300));
  });

  it("puts a parameter that does not fit on its own continuation card", () => {
    const text = [seq("//IZUSVRA  PROC ROOT='/usr/lpp/zosmf',TRACE=N,OUTCLS='*'", 1), seq("//IZUSVR1  EXEC PGM=BPXBATSL", 2)].join("\n");
    const out = setProcDefaults(text, SETTINGS, "P(IZUSVRA)").split("\n");
    expect(out).toEqual([
      seq("//IZUSVRA  PROC ROOT='/usr/lpp/zosmf',TRACE=N,OUTCLS='*',IZUPRM=0A,", 1),
      "//             USERDIR='/global/zosmf/zosmfa'",
      seq("//IZUSVR1  EXEC PGM=BPXBATSL", 2),
    ]);
    expect(findJesReadingProblems(out.join("\n"))).toEqual([]);
  });

  it("moves a USERDIR card's operands to column 4 when the new value does not fit from column 16, keeping columns 72-80", () => {
    const dir = "/global/zosmf/data/sysplex1/systema/zosmf-user-directry";
    const out = setProcDefaults(numbered, [{ name: "USERDIR", value: `'${dir}'`, field: "systems[0].zosmf.userDir" }], "P(IZUSVRA)");
    const { removed, added } = changed(numbered, out);
    expect(removed).toEqual([seq("//             USERDIR='/global/zosmf'", 30000)]);
    expect(added).toEqual([seq(`// USERDIR='${dir}'`, 30000)]);
    expect(findJesReadingProblems(out)).toEqual([]);
  });

  it("refuses a USERDIR that fits on no card, naming the topology field", () => {
    const longDir = `/global/${"z".repeat(70)}`;
    const text = "//IZUSVRA  PROC IZUPRM=0A\n//S EXEC PGM=BPXBATSL\n";
    let error: unknown;
    try {
      setProcDefaults(text, [{ name: "USERDIR", value: `'${longDir}'`, field: "systems[SYSA].zosmf.userDir" }], "P(IZUSVRA)");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HaError);
    expect((error as HaError).failureClass).toBe("invalid-input");
    expect((error as HaError).message).toContain("systems[SYSA].zosmf.userDir");
  });
});

describe("reading JCL columns as JES does", () => {
  it("finds a column-72 continuation without a continuation card", () => {
    const text = ["//IZUSVRA  PROC IZUPRM=0A".padEnd(67) + "00010000", "//IZUSVR1  EXEC PGM=BPXBATSL"].join("\n");
    expect(findJesReadingProblems(text).map((p) => p.line)).toEqual([1]);
  });
  it("finds records longer than 80 and continuations outside columns 4-16", () => {
    const text = ["//A PROC X=1,", "//                   Y=2", "//S EXEC PGM=X" + " ".repeat(70)].join("\n");
    expect(findJesReadingProblems(text).map((p) => p.line)).toEqual([1, 3]);
  });
});
