import { describe, expect, it } from "vitest";
import { changedSinceRun } from "../../../src/rollback/changed-since";
import { member, writeOf } from "./fixtures";

const T = member("SYS1.PARMLIB", "IZUPRM0A");
const WRITTEN = "A\nB\n";

describe("whether a target changed after the run's last write", () => {
  it("compares content when the write kept its hash", () => {
    const w = writeOf("s", T, WRITTEN, "E1");
    expect(changedSinceRun({ text: "A   \nB   ", etag: "other" }, w)).toBe(false);
    expect(changedSinceRun({ text: "A\nB\nC\n", etag: "E1" }, w)).toBe(true);
    expect(changedSinceRun({ text: "A\nB\nC\n", etag: null }, w)).toBe(true);
  });

  it("falls back to the ETag for records written without a hash", () => {
    const w = writeOf("s", T, undefined, "E1");
    expect(changedSinceRun({ text: "anything", etag: "E1" }, w)).toBe(false);
    expect(changedSinceRun({ text: "anything", etag: "E2" }, w)).toBe(true);
    expect(changedSinceRun({ text: "anything", etag: null }, w)).toBe(false);
  });

  it("counts a target that is gone, or that the run never wrote, as changed", () => {
    expect(changedSinceRun({ text: null, etag: null }, writeOf("s", T, WRITTEN))).toBe(true);
    expect(changedSinceRun({ text: WRITTEN, etag: "E1" }, undefined)).toBe(true);
  });
});
