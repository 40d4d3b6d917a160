import { describe, expect, it } from "vitest";
import { answersDisplayTime, parseRouteAll } from "../../../src/parsers";
import { runRouted } from "../../../src/verify/read-system";
import { readRouted } from "../../../src/verify/routed-reads";
import { ZosmfError } from "../../../src/zosmf";
import type { VerifyClient } from "../../../src/verify/types";

// A routed display as a three-system sysplex answers it: multi-line responses, one heading per system.
const MULTI = [
  " IEE421I RO *ALL,D OMVS,O",
  "  SYSA     RESPONSES -----------------------------------",
  "  BPXO043I 10.15.02 DISPLAY OMVS 612",
  "  OMVS     000F ACTIVE              OMVS=(00,SA)",
  "  SYSB     RESPONSES -----------------------------------",
  "  BPXO043I 10.15.02 DISPLAY OMVS 401",
  "  OMVS     000F ACTIVE              OMVS=(00,SB)",
].join("\r");

const TABLE = [
  " IEE421I RO *ALL,D T",
  "  NO RESPONSE RECEIVED FROM THE FOLLOWING SYSTEM(S):",
  "  SYSC",
  "  SYSNAME  RESPONSES -----------------------------------",
  "  SYSA     IEE136I LOCAL: TIME=10.15.02 DATE=2026.337  UTC: TIME=10.15.02 DATE=2026.337",
  "  SYSB     IEE136I LOCAL: TIME=10.15.02 DATE=2026.337  UTC: TIME=10.15.02 DATE=2026.337",
].join("\r");

describe("parseRouteAll", () => {
  it("gives each system its own lines, keyed by name, as if asked alone", () => {
    const r = parseRouteAll(MULTI);
    if (!r.ok) throw new Error("not parsed");
    expect([...r.answers.keys()]).toEqual(["SYSA", "SYSB"]);
    expect(r.answers.get("SYSB")).toContain("OMVS=(00,SB)");
    expect(r.answers.get("SYSA")).not.toContain("SYSB");
    expect(r.answers.get("SYSA")!.startsWith(" BPXO043I")).toBe(true);
  });

  it("reads the table of one-line responses and the systems that did not answer", () => {
    const r = parseRouteAll(TABLE);
    if (!r.ok) throw new Error("not parsed");
    expect(r.noResponse).toEqual(["SYSC"]);
    expect(answersDisplayTime(r.answers.get("SYSA")!)).toBe(true);
    expect(r.answers.has("SYSC")).toBe(false);
  });

  it("skips a blank line in the table and gives a row without text an empty answer for that system only", () => {
    const lines = TABLE.split("\r");
    const r = parseRouteAll([...lines.slice(0, 5), "   ", "  SYSD     ", lines[5]!, ""].join("\r"));
    if (!r.ok) throw new Error("not parsed");
    expect(answersDisplayTime(r.answers.get("SYSA")!)).toBe(true);
    expect(answersDisplayTime(r.answers.get("SYSB")!)).toBe(true);
    expect(r.answers.get("SYSD")).toBe("");
  });

  it("skips blank lines in the layout of one heading per system", () => {
    const lines = MULTI.split("\r");
    const r = parseRouteAll([...lines.slice(0, 4), " ", ...lines.slice(4), "", "  SYSC     RESPONSES ------", "  "].join("\r"));
    if (!r.ok) throw new Error("not parsed");
    expect(r.answers.get("SYSA")!.split("\r")).toHaveLength(2);
    expect(r.answers.get("SYSB")).toContain("OMVS=(00,SB)");
    expect(r.answers.get("SYSC")).toBe("");
  });

  it("refuses a response that is not IEE421I", () => {
    expect(parseRouteAll(" IEE305I RO COMMAND INVALID").ok).toBe(false);
  });
});

describe("readRouted", () => {
  const client = (text: string) =>
    ({
      console: { issue: async () => ({ key: "C1", text, lines: [], solKeyDetected: false, complete: true, followUps: 1 }) },
    }) as unknown as VerifyClient;

  it("makes a system missing from the routed answer unknown, never healthy", async () => {
    const group = { key: "k", connection: {}, display: { command: "D OMVS,O" }, systems: ["SYSA", "SYSB", "SYSC"] };
    const reads = await readRouted(client(MULTI), group, new AbortController().signal);
    expect(reads.get("SYSA")!.ok).toBe(true);
    expect(reads.get("SYSC")).toMatchObject({ ok: false, kind: "unreadable" });
  });

  it("makes a system whose row has no text unknown, even for a display without a completeness test", async () => {
    const text = [...TABLE.split("\r"), "  SYSD     "].join("\r");
    const group = { key: "k", connection: {}, display: { command: "D T" }, systems: ["SYSA", "SYSD"] };
    const reads = await readRouted(client(text), group, new AbortController().signal);
    expect(reads.get("SYSA")!.ok).toBe(true);
    expect(reads.get("SYSD")).toMatchObject({ ok: false, kind: "unreadable" });
  });

  it("makes a system named as not answering unknown", async () => {
    const group = { key: "k", connection: {}, display: { command: "D T" }, systems: ["SYSA", "SYSC"] };
    const reads = await readRouted(client(TABLE), group, new AbortController().signal);
    expect(reads.get("SYSC")).toMatchObject({ ok: false, kind: "unreadable" });
    expect(reads.get("SYSC")!.ok ? "" : (reads.get("SYSC") as { message: string }).message).toMatch(/NO RESPONSE RECEIVED/);
  });
});

describe("runRouted", () => {
  it("asks each system alone when the user may not route the command (IEE345I)", async () => {
    const asked: string[] = [];
    const client = {
      console: {
        issue: async (cmd: string, o: { system?: string }) => {
          asked.push(`${o.system ?? "-"} ${cmd}`);
          if (cmd.startsWith("RO "))
            throw new ZosmfError({
              kind: "rejected",
              method: "PUT",
              path: "/c",
              summary: "IEE345I ROUTE AUTHORITY INVALID, FAILED BY SECURITY PRODUCT",
            });
          const text = " IEE136I LOCAL: TIME=10.15.02 DATE=2026.337  UTC: TIME=10.15.02 DATE=2026.337";
          return { key: "C1", text, lines: [text], solKeyDetected: false, complete: true, followUps: 0 };
        },
      },
    } as unknown as VerifyClient;
    const groups = [{ key: "t", connection: {}, display: { command: "D T" }, systems: ["SYSA", "SYSB"] }];
    const reads = await runRouted({
      topology: {} as never,
      groups,
      clientFor: async () => client,
      endpointInfo: async () => ({}) as never,
      timeoutMs: 5000,
    });
    expect(asked.sort()).toEqual(["- RO *ALL,D T", "SYSA D T", "SYSB D T"]);
    expect(reads.get("SYSB")!.get("t")).toMatchObject({ ok: true });
  });
});
