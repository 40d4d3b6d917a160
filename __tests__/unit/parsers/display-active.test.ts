import { describe, expect, it } from "vitest";
import { parseDisplayActive } from "../../../src/parsers";

const SUMMARY = [
  " IEE115I 12.00.01 2025.001 ACTIVITY 41",
  "   JOBS     M/S    TS USERS    SYSAS    INITS   ACTIVE/MAX VTAM     OAS",
  "  00000    00002    00000      00000    00000    00000/00000       00000",
];

describe("D A,name (IEE115I)", () => {
  it("an entry with job, step and procstep names is active, with its job id when shown", () => {
    const text = [...SUMMARY, "  IZUSVRA  IZUSVRA  IZUSVRA   NSW  SO  WUID=STC00042"].join("\r");
    expect(parseDisplayActive(text, "IZUSVRA")).toEqual({ state: "active", jobid: "STC00042" });
  });

  it("the summary followed by `name NOT FOUND` is not-found", () => {
    expect(parseDisplayActive([...SUMMARY, "  IZUSVRA NOT FOUND"].join("\n"), "IZUSVRA")).toEqual({ state: "not-found" });
  });

  it("an answer without IEE115I is unknown, never active, even when it names the task", () => {
    const text = " IEE345I DISPLAY   AUTHORITY INVALID, IZUANG1 FAILED";
    expect(parseDisplayActive(text, "IZUANG1")).toEqual({ state: "unknown", lines: [text] });
  });

  it("IEE115I that neither lists nor denies the task is unknown", () => {
    expect(parseDisplayActive([...SUMMARY, "  OTHER    OTHER    STEP1     NSW  SO"].join("\n"), "IZUANG1").state).toBe("unknown");
  });
});
