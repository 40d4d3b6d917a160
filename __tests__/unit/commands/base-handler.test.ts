import { ImperativeError, type IHandlerParameters } from "@zowe/imperative";
import { describe, expect, it, vi } from "vitest";
import { HaBaseHandler, type HaCommandResult, type HaHandlerContext } from "../../../commands/HaBaseHandler";
import { HaError } from "../../../src/errors";

/** Just the parts of the handler parameters the base handler uses, recorded with vi.fn. */
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

describe("HaBaseHandler", () => {
  it("returns the data for --rfj, prints the text and exits 0 on success", async () => {
    const p = params();
    await new Fixed(async () => ({ data: { status: "succeeded" }, text: "all done" })).process(p);
    expect(p.response.data.setObj).toHaveBeenCalledWith({ status: "succeeded" });
    expect(p.response.console.log).toHaveBeenCalledWith("all done");
    expect(p.response.data.setExitCode).toHaveBeenLastCalledWith(0);
  });

  it("exits with the pending code for a dry run with changes pending, still a success with its data and text", async () => {
    const p = params();
    await new Fixed(async () => ({ data: { status: "planned" }, text: "Plan: 1 job.", outcome: "changes-pending" })).process(p);
    expect(p.response.data.setObj).toHaveBeenCalledWith({ status: "planned" });
    expect(p.response.console.log).toHaveBeenCalledWith("Plan: 1 job.");
    expect(p.response.data.setExitCode).toHaveBeenLastCalledWith(5);
  });

  it("keeps the data and text of a run whose z/OS work failed, and exits 2", async () => {
    const p = params();
    const handler = new Fixed(async () => ({
      data: { status: "failed" },
      text: "table",
      failure: { failureClass: "zos-failure", message: "job failed" },
    }));
    await expect(handler.process(p)).rejects.toBeInstanceOf(ImperativeError);
    expect(p.response.data.setObj).toHaveBeenCalledWith({ status: "failed" });
    expect(p.response.console.log).toHaveBeenCalledWith("table");
    expect(p.response.data.setExitCode).toHaveBeenLastCalledWith(2);
  });

  it("turns an invalid-input error into exit 3 with its details for the user", async () => {
    const p = params();
    const handler = new Fixed(async () => {
      throw new HaError("plex.yaml: the topology has 2 problems; nothing was sent to z/OS", {
        failureClass: "invalid-input",
        details: ["systems[1].zosmf.serverProc: not unique", "zosmfHa.dvipa: not an IPv4 address"],
      });
    });
    const err = (await handler.process(p).catch((e: unknown) => e)) as ImperativeError;
    expect(err).toBeInstanceOf(ImperativeError);
    expect(err.message).toMatch(/2 problems/);
    expect(err.additionalDetails).toMatch(/systems\[1\]\.zosmf\.serverProc/);
    expect(p.response.data.setExitCode).toHaveBeenLastCalledWith(3);
  });

  it("treats an unexpected error as a tool failure, exit 4", async () => {
    const p = params();
    await expect(new Fixed(async () => Promise.reject(new TypeError("boom"))).process(p)).rejects.toThrow(/boom/);
    expect(p.response.data.setExitCode).toHaveBeenLastCalledWith(4);
  });

  it("keeps a secret in an error's message or details out of what the user sees", async () => {
    const p = params();
    const handler = new Fixed(async () => {
      throw new HaError("cannot reach redis://default:hunter2@cache:6379", {
        failureClass: "tool-failure",
        details: ["keystorePassword: s3cret"],
      });
    });
    const err = (await handler.process(p).catch((e: unknown) => e)) as ImperativeError;
    expect(`${err.message}\n${err.additionalDetails}`).not.toMatch(/hunter2|s3cret/);
    expect(err.message).toMatch(/redis:\/\/default:\*+@cache:6379/);
  });

  it("prints its own sentence about credentials whole: masking is by value, not by the word", async () => {
    const p = params();
    const sentence = "No usable z/OSMF credentials: user and password (or a token, or a client certificate) missing.";
    const err = (await new Fixed(async () => Promise.reject(new HaError(sentence, { failureClass: "invalid-input" })))
      .process(p)
      .catch((e: unknown) => e)) as ImperativeError;
    expect(err.message).toBe(sentence);
  });

  it("turns SIGTERM during a command into an aborted signal for the run, says what happens, and lets go of the signal after", async () => {
    const p = params();
    const before = process.listenerCount("SIGTERM");
    let aborted = false;
    await new Fixed(async (ctx) => {
      process.emit("SIGTERM", "SIGTERM");
      aborted = ctx.signal.aborted;
      return { data: {}, text: "" };
    }).process(p);
    expect(aborted).toBe(true);
    expect(p.response.console.error).toHaveBeenCalledWith(expect.stringMatching(/^SIGTERM: stopping; .*marked interrupted/));
    expect(process.listenerCount("SIGTERM")).toBe(before);
  });

  it("drives one progress bar from the engine's events and ends it before printing", async () => {
    const p = params();
    const order: string[] = [];
    p.response.progress.endBar.mockImplementation(() => order.push("endBar"));
    p.response.console.log.mockImplementation(() => order.push("log"));
    let seen: { percentComplete?: number; statusMessage?: string } | undefined;
    p.response.progress.startBar.mockImplementation(({ task }: { task: typeof seen }) => (seen = task));
    await new Fixed(async (ctx) => {
      const step = { id: "a", workflow: "w", title: "A", dependsOn: [], observed: "", changes: [] };
      ctx.progress.onEvent({ type: "plan", steps: [step, { ...step, id: "b" }] });
      ctx.progress.onEvent({ type: "step-start", id: "a", title: "A", index: 1, total: 2 });
      expect(seen?.statusMessage).toBe("[1/2] a: A");
      ctx.progress.onEvent({ type: "step-end", outcome: { id: "a", title: "A", state: "changed", durationMs: 1, notes: [] } });
      expect(seen?.percentComplete).toBe(50);
      ctx.progress.onEvent({ type: "message", level: "warn", text: "only two instances" });
      return { data: {}, text: "done" };
    }).process(p);
    expect(p.response.progress.startBar).toHaveBeenCalledTimes(1);
    expect(order).toEqual(["endBar", "log"]);
    expect(p.response.console.error).toHaveBeenCalledWith("Warning: only two instances");
  });
});
