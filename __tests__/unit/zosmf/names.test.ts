import { describe, expect, it } from "vitest";
import { HaError } from "../../../src/errors";
import { dsnName, jobName, memberName, ussPath } from "../../../src/zosmf/names";

describe("names refused before a request is built", () => {
  // A value past the topology checks may be any length: a message shows at most 60 characters of it.
  it.each([
    ["a data set name", () => dsnName(`SYS1.${"P".repeat(300)}`)],
    ["a member name", () => memberName(`M${"P".repeat(300)}`)],
    ["a job name", () => jobName(`J${"P".repeat(300)}`)],
    ["a path with ..", () => ussPath(`/a/../${"P".repeat(300)}`)],
  ])("%s of 300 characters is refused quoting 60 of them", (_what, call) => {
    const err = (() => {
      try {
        call();
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).message).not.toMatch(/P{61}/);
    expect((err as HaError).message).toMatch(/P{50}/);
  });

  it("shows a new line in a name as \\n, not as a second line", () => {
    expect(() => memberName("A\nB")).toThrow(/'A\\nB' is not a valid member name/);
  });
});
