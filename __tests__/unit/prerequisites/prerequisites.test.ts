import { describe, expect, it } from "vitest";
import { checkPrerequisites, prerequisiteProblems } from "../../../src/prerequisites";
import type { ZosmfClient } from "../../../src/zosmf";

/** A console that answers each command on each system from a table. */
function consoleOf(answers: Record<string, (system: string) => string>): ZosmfClient {
  const issue = (cmd: string, o: { system?: string } = {}) => {
    const text = answers[cmd]?.(o.system ?? "") ?? " IEE305I COMMAND INVALID";
    return Promise.resolve({ key: "C1", text, lines: text.split("\r"), solKeyDetected: false, complete: true, followUps: 0 });
  };
  return { console: { issue } } as unknown as ZosmfClient;
}

const healthy: Record<string, (system: string) => string> = {
  "D T": () => " IEE136I LOCAL: TIME=12.00.01 DATE=2025.001  UTC: TIME=12.00.01 DATE=2025.001",
  "RVARY LIST": () =>
    " ICH15013I RACF DATABASE STATUS:\r    YES  PRIM   1 RACF01   SYS1.RACF.PRIM\r ICH15020I RVARY COMMAND HAS FINISHED PROCESSING.",
  "D OMVS,O": () => " BPXO043I 12.00.01 DISPLAY OMVS 1\r  SYSPLEX         =        YES",
  "$D MEMBER": () =>
    [" $HASP673 MEMBER(1) NAME=SYSA,STATUS=ACTIVE,SYSNAME=SYSA", " $HASP673 MEMBER(2) NAME=SYSB,STATUS=ACTIVE,SYSNAME=SYSB"].join("\r"),
};
const ctx = (answers: Record<string, (system: string) => string>) => ({
  client: consoleOf(answers),
  systems: ["SYSA", "SYSB"],
  delayMs: 0,
});

describe("sysplex prerequisites", () => {
  it("a healthy sysplex has no problems, and every check says what it found", async () => {
    const results = await checkPrerequisites(ctx(healthy));
    expect(results.map((r) => [r.id, r.state])).toEqual([
      ["sysplex.console", "ok"],
      ["sysplex.saf", "ok"],
      ["sysplex.uss", "ok"],
      ["sysplex.jes2", "ok"],
    ]);
    expect(results[1]!.summary).toContain("SYS1.RACF.PRIM on RACF01");
    expect(prerequisiteProblems(results)).toEqual([]);
  });

  it("an RVARY LIST answer it cannot read is unknown, never fine: a problem saying it could not tell, with the lines", async () => {
    const results = await checkPrerequisites(
      ctx({
        ...healthy,
        "RVARY LIST": (s) => (s === "SYSB" ? " ICH15013I RACF DATABASE STATUS:\r  RACF IS INACTIVE" : healthy["RVARY LIST"]!(s)),
      }),
    );
    const [problem, ...others] = prerequisiteProblems(results);
    expect(others).toEqual([]);
    expect(problem).toMatch(/^sysplex\.saf: Could not tell which RACF database SYSB uses/);
    expect(problem).toMatch(/\|\s+RACF IS INACTIVE/);
  });

  it("a console that does not answer D T on a system fails first, naming it, and nothing else is asked", async () => {
    const results = await checkPrerequisites(ctx({ ...healthy, "D T": (s) => (s === "SYSB" ? "" : healthy["D T"]!(s)) }));
    expect(results.map((r) => [r.id, r.state])).toEqual([["sysplex.console", "failed"]]);
    expect(results[0]!.summary).toMatch(/on SYSB;/);
  });

  it("a MAS answer without a system waits out its follow-ups, then names the missing system", async () => {
    const results = await checkPrerequisites(
      ctx({ ...healthy, "$D MEMBER": (s) => ` $HASP673 MEMBER(1) NAME=${s},STATUS=ACTIVE,SYSNAME=${s}` }),
    );
    const jes2 = results.find((r) => r.id === "sysplex.jes2")!;
    expect(jes2.state).toBe("failed");
    expect(jes2.details).toEqual([
      "seen from SYSA, not active members of its MAS: SYSB",
      "seen from SYSB, not active members of its MAS: SYSA",
    ]);
  });
});
