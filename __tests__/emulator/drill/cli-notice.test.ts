/** `npm run emulator -- --notice-ms N` sets how long the sysplex distributor takes to notice a target change. */
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../../emulator/cli";

describe("--notice-ms", () => {
  it("becomes StartOptions.distribution.noticeMs, and needs a number", () => {
    expect(parseArgs(["--notice-ms", "1500"]).options.distribution).toEqual({ noticeMs: 1500 });
    expect(() => parseArgs(["--notice-ms", "soon"])).toThrow(/--notice-ms needs a number/);
  });
});
