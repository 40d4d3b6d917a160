import { Logger } from "@zowe/imperative";
import { describe, expect, it, vi } from "vitest";
import { AppLogAdapter } from "../../../commands/AppLogAdapter";

describe("the app log adapter", () => {
  it("writes each engine line to the logger at debug level, as a value and with secrets masked", () => {
    const logger = { debug: vi.fn() };
    const log = new AppLogAdapter(logger);
    log.debug("z/OSMF GET /zosmf/restfiles/ds/HA.JCL(%s) 200 12 ms");
    log.debug("poll job X: password=Hunter2 look 1");
    expect(logger.debug).toHaveBeenNthCalledWith(1, "%s", "z/OSMF GET /zosmf/restfiles/ds/HA.JCL(%s) 200 12 ms");
    expect(logger.debug.mock.calls[1]![1]).not.toContain("Hunter2");
  });

  it("writes to the Zowe app logger when none is given", () => {
    const appLogger = { debug: vi.fn() };
    const spy = vi.spyOn(Logger, "getAppLogger").mockReturnValue(appLogger as unknown as Logger);
    try {
      new AppLogAdapter().debug("z/OSMF GET /zosmf/info 200 3 ms");
      expect(appLogger.debug).toHaveBeenCalledWith("%s", "z/OSMF GET /zosmf/info 200 3 ms");
    } finally {
      spy.mockRestore();
    }
  });
});
