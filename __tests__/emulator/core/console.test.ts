import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { client, startPlain, type Client } from "./helpers";

let em: Emulator;
let c: Client;
const CONSOLE = "/zosmf/restconsoles/consoles/defcn";

beforeAll(async () => {
  em = await startPlain({ consolePieceLines: 3 });
  c = client(em);
});
afterAll(async () => {
  await em.stop();
});
beforeEach(() => {
  // A fixed operator so the framing tests do not depend on the operator model: N lines for "SHOW n".
  const op = em.context.operator;
  op.routesCommands = false;
  op.issueCommand = (_state, ctx, cmd) => {
    const n = Number(/^SHOW (\d+)/.exec(cmd)?.[1] ?? 1);
    return {
      lines: [`XYZ001I ${ctx.system} DISPLAY`, ...Array.from({ length: n - 1 }, (_, i) => `  LINE ${i + 2}${i === n - 2 ? " LAST" : ""}`)],
    };
  };
});

describe("console", () => {
  it("§3.3 frames lines with \\r, a leading blank on the first, and gives the key, url and uri", async () => {
    const res = await c.put(CONSOLE, { cmd: "SHOW 2" });
    expect(res.status).toBe(200);
    const doc = res.json();
    expect(doc["cmd-response"]).toBe(" XYZ001I SYSA DISPLAY\r  LINE 2 LAST");
    expect(doc["cmd-response-key"]).toMatch(/^C\d+$/);
    expect(doc["cmd-response-uri"]).toBe(`${CONSOLE}/solmsgs/${doc["cmd-response-key"]}`);
    expect(doc["cmd-response-url"]).toBe(`${em.url}${doc["cmd-response-uri"]}`);
    expect("sol-key-detected" in doc).toBe(false);
  });

  it("§3.3 sol-key-detected is present only with sol-key and looks at the first piece only", async () => {
    expect((await c.put(CONSOLE, { cmd: "SHOW 2", "sol-key": "xyz001i" })).json()["sol-key-detected"]).toBe(true);
    expect((await c.put(CONSOLE, { cmd: "SHOW 5", "sol-key": "LAST" })).json()["sol-key-detected"]).toBe(false);
    expect((await c.put(CONSOLE, { cmd: "SHOW 2", "sol-key": "LINE \\d", solKeyReg: "Y" })).json()["sol-key-detected"]).toBe(true);
  });

  it('§3.3 a long response continues through solmsgs follow-ups, one piece each, then ""', async () => {
    const doc = (await c.put(CONSOLE, { cmd: "SHOW 7" })).json();
    expect(doc["cmd-response"].split("\r")).toHaveLength(3);
    const second = (await c.get(doc["cmd-response-uri"])).json();
    expect(second["cmd-response"]).toBe("  LINE 4\r  LINE 5\r  LINE 6");
    const third = (await c.get(doc["cmd-response-uri"])).json();
    expect(third["cmd-response"]).toMatch(/LINE 7 LAST$/);
    expect((await c.get(doc["cmd-response-uri"])).json()["cmd-response"]).toBe("");
  });

  it("§3.2 the system field routes to that system; an unknown one is rejected with IEE618I", async () => {
    expect((await c.put(CONSOLE, { cmd: "SHOW 1", system: "SYSB" })).json()["cmd-response"]).toMatch(/SYSB DISPLAY/);
    expect((await c.put(CONSOLE, { cmd: "SHOW 1", system: "SYSZ" })).json()["cmd-response"]).toMatch(
      /^ IEE618I ROUTE COMMAND REJECTED, INVALID SYSTEM NAME/,
    );
  });

  it("§3.2 RO routes to the named system; RO to an unknown system is rejected with IEE618I", async () => {
    expect((await c.put(CONSOLE, { cmd: "RO SYSB,SHOW 1" })).json()["cmd-response"]).toMatch(/SYSB DISPLAY/);
    expect((await c.put(CONSOLE, { cmd: "RO SYSQ,SHOW 1" })).json()["cmd-response"]).toMatch(/IEE618I/);
    const first = (await c.put("/zosmf/restconsoles/consoles/HACON", { cmd: "RO *ALL,SHOW 1" })).json();
    const rest = (await c.get(first["cmd-response-uri"])).json()["cmd-response"];
    expect(`${first["cmd-response"]}\r${rest}`).toMatch(/SYSA DISPLAY[\s\S]*SYSB DISPLAY/);
  });

  it("§3.3 async=Y answers with the key only; the response comes by follow-up", async () => {
    const doc = (await c.put(CONSOLE, { cmd: "SHOW 2", async: "Y" })).json();
    expect("cmd-response" in doc).toBe(false);
    expect((await c.get(doc["cmd-response-uri"])).json()["cmd-response"]).toMatch(/XYZ001I/);
  });

  it("§3.1 the console command is logged with its system", async () => {
    await c.put(CONSOLE, { cmd: "SHOW 1", system: "SYSB" });
    expect(em.requestLog.consoleCommands.at(-1)).toMatchObject({ system: "SYSB", cmd: "SHOW 1", consoleName: "IBMUSECN" });
  });
});
