import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import { graphTopology, type GraphResult } from "../../../src/graph";
import { provision } from "../../../src/run/provision";
import { verify } from "../../../src/run/verify";
import type { ZosmfConnection } from "../../../src/zosmf";
import { exampleText } from "../../example-topology";

/*
 * `zowe ha graph --verify` on the emulator: the sysplex provisioned from the two-system example,
 * read by the same verify run layer as `zowe ha verify`, then with SYSB taken down.
 */

let emu: Emulator;
let topologyFile: string;
let connection: ZosmfConnection;

beforeAll(async () => {
  emu = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], dvipaListeners: true, jobTiming: { inputMs: 5, activeMs: 20 } });
  topologyFile = path.join(mkdtempSync(path.join(tmpdir(), "ha-graph-")), "plex.yaml");
  writeFileSync(topologyFile, exampleText("two-system.yaml"));
  const url = new URL(emu.url);
  connection = { hostname: url.hostname, port: Number(url.port), protocol: "http", user: emu.user, password: emu.password };
  expect((await provision({ topologyFile, connection, consoleDelayMs: 20, jobTimeoutMs: 30_000 })).status).toBe("succeeded");
});
afterAll(async () => {
  await emu?.stop();
});

async function graphVerified(format: "svg" | "mermaid"): Promise<GraphResult> {
  await emu.settle();
  return graphTopology({ topologyFile, format, verify: () => verify({ topologyFile, connection, endpoints: { ...emu.dvipaUrls } }) });
}

/** data-id → data-state of every element of the SVG, as an XML parser reads it. */
function svgStates(svg: string): Map<string, string> {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (n) => n === "g" }).parse(svg) as {
    svg: { g: { "data-id"?: string; "data-state"?: string }[] };
  };
  return new Map(doc.svg.g.filter((g) => g["data-id"]).map((g) => [g["data-id"]!, g["data-state"]!]));
}

const stateOf = (r: GraphResult, id: string) => r.elements.find((e) => e.id === id)?.state;

it("colours a healthy element healthy, and after SYSB goes down colours SYSB's elements not healthy", async () => {
  const up = await graphVerified("svg");
  // SYSA as a system and its stack (dynamic XCF, its DVIPA role, the profile) pass every check.
  expect(stateOf(up, "sys0")).toBe("healthy");
  expect(stateOf(up, "stack0")).toBe("healthy");
  expect(svgStates(up.output!).get("sys0")).toBe("healthy");
  expect(stateOf(up, "sys1")).toBe("healthy");

  const res = await fetch(`${emu.url}/__emulator/system/SYSB/down`, { method: "POST" });
  expect(res.ok).toBe(true);
  const down = await graphVerified("svg");
  const states = svgStates(down.output!);
  for (const id of ["sys1", "stack1", "zt1"]) {
    expect(stateOf(down, id), id).not.toBe("healthy");
    expect(stateOf(down, id), id).not.toBe("neutral");
    expect(states.get(id), id).toBe(stateOf(down, id));
  }
  expect(stateOf(down, "sys0")).toBe("healthy");

  const mermaid = await graphVerified("mermaid");
  expect(mermaid.output).toContain("class sys0 healthy");
  expect(mermaid.output).toMatch(new RegExp(`class sys1 ${stateOf(mermaid, "sys1")}\\n`));
  expect(mermaid.output).not.toContain("class sys1 healthy");
});
