import { EventEmitter } from "node:events";
import { ImperativeError, type IHandlerParameters } from "@zowe/imperative";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../../../commands/HaBaseHandler";
import { guardOutput, interruptOn, processControl } from "../../../commands/interrupt";

function params() {
  const response = {
    data: { setObj: vi.fn(), setExitCode: vi.fn(), setMessage: vi.fn() },
    console: { log: vi.fn(), error: vi.fn() },
    progress: { startBar: vi.fn(), endBar: vi.fn() },
  };
  return { response, arguments: { $0: "zowe", _: [] } } as unknown as IHandlerParameters & { response: typeof response };
}

class Fixed extends HaBaseHandler {
  constructor(private readonly body: (ctx: HaHandlerContext) => Promise<HaCommandResult>) {
    super();
  }
  protected run(ctx: HaHandlerContext): Promise<HaCommandResult> {
    return this.body(ctx);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe("interrupting a command", () => {
  it("a second SIGTERM while the run is still stopping ends the process at once, with 128 + 15", async () => {
    const exit = vi.spyOn(processControl, "exit").mockImplementation(() => undefined);
    const p = params();
    await new Fixed(async () => {
      process.emit("SIGTERM", "SIGTERM");
      expect(exit).not.toHaveBeenCalled();
      process.emit("SIGTERM", "SIGTERM");
      return { data: {}, text: "" };
    }).process(p);
    expect(exit).toHaveBeenCalledWith(143);
    expect(p.response.console.error).toHaveBeenCalledWith(
      "SIGTERM: second interrupt; exiting now. A sysplex lock this run held may remain: see zowe ha unlock.",
    );
  });

  it("a process ended by a second interrupt first prints what the run registered for the operator, and nothing once cleared", () => {
    const exit = vi.spyOn(processControl, "exit").mockImplementation(() => undefined);
    const lines: string[] = [];
    const run = interruptOn((l) => lines.push(l), 60_000);
    run.onForcedExit(["IZUSVRA on SYSA may be left stopped; the operator must run: RO SYSA,S IZUSVRA"]);
    process.emit("SIGINT", "SIGINT");
    process.emit("SIGINT", "SIGINT");
    expect(exit).toHaveBeenCalledWith(130);
    expect(lines.slice(-2)).toEqual([
      "IZUSVRA on SYSA may be left stopped; the operator must run: RO SYSA,S IZUSVRA",
      "SIGINT: second interrupt; exiting now. A sysplex lock this run held may remain: see zowe ha unlock.",
    ]);
    run.dispose();

    const cleared: string[] = [];
    const done = interruptOn((l) => cleared.push(l), 60_000);
    done.onForcedExit(["RO SYSA,S IZUSVRA"]);
    done.onForcedExit([]);
    process.emit("SIGINT", "SIGINT");
    process.emit("SIGINT", "SIGINT");
    expect(cleared.join("\n")).not.toMatch(/RO SYSA/);
    done.dispose();
  });

  it("the grace running out also prints the registered lines, through the handler's context", async () => {
    vi.useFakeTimers();
    const exit = vi.spyOn(processControl, "exit").mockImplementation(() => undefined);
    const p = params();
    await new Fixed(async (ctx) => {
      ctx.onForcedExit(["the operator must run: RO SYSA,VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA"]);
      process.emit("SIGINT", "SIGINT");
      vi.advanceTimersByTime(30_000);
      return { data: {}, text: "" };
    }).process(p);
    expect(exit).toHaveBeenCalledWith(130);
    const errors = p.response.console.error.mock.calls.map((c) => String(c[0]));
    expect(errors.at(-2)).toBe("the operator must run: RO SYSA,VARY TCPIP,TCPIP,SYSPLEX,RESUME,PORT=443,JOBNAME=IZUSVRA");
    expect(errors.at(-1)).toMatch(/^SIGINT: the run did not stop within 30 s; exiting now/);
  });

  it("a run that does not stop after a first SIGINT is ended when its grace runs out, and a run that stops in time is not", () => {
    vi.useFakeTimers();
    const exit = vi.spyOn(processControl, "exit").mockImplementation(() => undefined);
    const lines: string[] = [];
    const stuck = interruptOn((l) => lines.push(l), 5_000);
    process.emit("SIGINT", "SIGINT");
    expect(stuck.signal.aborted).toBe(true);
    vi.advanceTimersByTime(4_999);
    expect(exit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(exit).toHaveBeenCalledWith(130);
    expect(lines.at(-1)).toBe(
      "SIGINT: the run did not stop within 5 s; exiting now. A sysplex lock this run held may remain: see zowe ha unlock.",
    );
    stuck.dispose();

    exit.mockClear();
    const prompt = interruptOn(() => undefined, 5_000);
    process.emit("SIGINT", "SIGINT");
    prompt.dispose();
    vi.advanceTimersByTime(60_000);
    expect(exit).not.toHaveBeenCalled();
  });

  it("a failure that the interrupt caused is reported as the interrupt, exit 4, naming what it cut short", async () => {
    vi.spyOn(processControl, "exit").mockImplementation(() => undefined);
    const p = params();
    const err = (await new Fixed(async () => {
      process.emit("SIGTERM", "SIGTERM");
      throw new Error("z/OSMF GET /zosmf/restfiles/ds/HA.BACKUP.RUNS(INDEX) failed: canceled");
    })
      .process(p)
      .catch((e: unknown) => e)) as ImperativeError;
    expect(err).toBeInstanceOf(ImperativeError);
    expect(err.message).toBe("Interrupted by SIGTERM");
    expect(err.additionalDetails).toContain("Cut short: z/OSMF GET /zosmf/restfiles/ds/HA.BACKUP.RUNS(INDEX) failed: canceled");
    expect(p.response.data.setExitCode).toHaveBeenLastCalledWith(4);
  });

  it("a write error on a closed output pipe goes to no uncaught-exception handler and stops the run", async () => {
    const stdout = new EventEmitter();
    guardOutput([stdout]);
    let reason: unknown;
    await new Fixed(async (ctx) => {
      // An 'error' nobody listens to is thrown: the Zowe host would report it by writing to the same pipe.
      stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      reason = ctx.signal.reason;
      return { data: {}, text: "" };
    })
      .process(params())
      .catch(() => undefined);
    expect((reason as Error | undefined)?.message).toBe("Interrupted: the output pipe was closed");
    // After the command, a failed write is still dropped (the host writes its last lines after the handler).
    expect(() => stdout.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }))).not.toThrow();
  });
});
