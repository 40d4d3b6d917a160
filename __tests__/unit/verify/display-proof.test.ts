/**
 * A display whose answer already names everything the checks look at is whole as it comes back
 * from the PUT: verify reads no follow-up and so does not wait for the console pause. An answer
 * that cannot be proven whole is still read on until a follow-up brings nothing more.
 * Request sequences through the real console collector, never times.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseTopology } from "../../../src/topology";
import type { VerifyClient } from "../../../src/verify";
import { prerequisiteChecks } from "../../../src/verify/checks/prerequisites";
import { systemChecks } from "../../../src/verify/checks/systems";
import { runReads, runRouted } from "../../../src/verify/read-system";
import { planRouted } from "../../../src/verify/routed-reads";
import type { Read, ReadSpec } from "../../../src/verify/types";
import type { XcfSystems } from "../../../src/verify/xcf-systems";
import { createConsoleApi } from "../../../src/zosmf/console";
import type { Send } from "../../../src/zosmf/http";

const topology = parseTopology(readFileSync(join(__dirname, "../../../examples/two-system.yaml"), "utf8"));

const xcfHead = [
  " IXC336I  12.00.00  DISPLAY XCF 101",
  "  SYSPLEX PLEX1",
  "  SYSTEM   TYPE SERIAL LPAR STATUS TIME          SYSTEM STATUS",
];
const xcfRow = (name: string) => `  ${name.padEnd(8)} 3906 1234   01   12/03/2026 12:00:00   ACTIVE`;

/** A console whose PUT answers `first` and whose follow-ups hand out `rest`, then nothing; every request logged. */
function consoleClient(first: string, rest: string[], log: string[]): VerifyClient {
  const send = (async (req: { method: string; path: string; body?: unknown }) => {
    log.push(req.method === "PUT" ? `PUT ${(req.body as { cmd: string }).cmd}` : `${req.method} follow-up`);
    if (req.method === "PUT") return { data: { "cmd-response-key": "C0000001", "cmd-response": first } };
    return { data: { "cmd-response": rest.shift() ?? "" } };
  }) as unknown as Send;
  return { console: createConsoleApi(send) } as unknown as VerifyClient;
}

async function read(specs: readonly ReadSpec[], client: VerifyClient): Promise<Map<string, Read<unknown>>> {
  return runReads({ topology, specs, clientFor: async () => client, endpointInfo: async () => ({}), timeoutMs: 10_000 });
}

it("takes D XCF,S,ALL as whole when its first answer lists every system of the topology: no follow-up read", async () => {
  const log: string[] = [];
  const reads = await read(
    systemChecks.sysplexReads!(topology),
    consoleClient([...xcfHead, xcfRow("SYSA"), xcfRow("SYSB")].join("\r"), [], log),
  );
  expect(log).toEqual(["PUT D XCF,S,ALL"]);
  const xcf = reads.get("xcf.systems") as Read<XcfSystems>;
  expect(xcf.ok && xcf.value.state === "ok" && xcf.value.systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
});

it("reads D XCF,S,ALL on while a system of the topology is not yet listed, and keeps what the follow-up brings", async () => {
  const log: string[] = [];
  const reads = await read(
    systemChecks.sysplexReads!(topology),
    consoleClient([...xcfHead, xcfRow("SYSA")].join("\r"), [xcfRow("SYSB")], log),
  );
  expect(log).toEqual(["PUT D XCF,S,ALL", "GET follow-up"]);
  const xcf = reads.get("xcf.systems") as Read<XcfSystems>;
  expect(xcf.ok && xcf.value.state === "ok" && xcf.value.systems.map((s) => s.name)).toEqual(["SYSA", "SYSB"]);
});

it("still waits for the answer to settle when a system is missing from D XCF,S,ALL: it is not taken as whole at once", async () => {
  const log: string[] = [];
  const reads = await read(systemChecks.sysplexReads!(topology), consoleClient([...xcfHead, xcfRow("SYSA")].join("\r"), [], log));
  // One read at once (the rest may be queued), then one after the pause that brings nothing: settled.
  expect(log).toEqual(["PUT D XCF,S,ALL", "GET follow-up", "GET follow-up"]);
  const xcf = reads.get("xcf.systems") as Read<XcfSystems>;
  expect(xcf.ok && xcf.value.state === "ok" && xcf.value.systems.map((s) => s.name)).toEqual(["SYSA"]);
});

it("takes $D MEMBER as whole when every server system is a member in its first answer: no follow-up read", async () => {
  const log: string[] = [];
  const members = [" $HASP673 MEMBER(1) NAME=SYSA,STATUS=ACTIVE,SYSNAME=SYSA", " $HASP673 MEMBER(2) NAME=SYSB,STATUS=ACTIVE,SYSNAME=SYSB"];
  const reads = await read(prerequisiteChecks.sysplexReads!(topology), consoleClient(members.join("\r"), [], log));
  expect(log).toEqual(["PUT $D MEMBER"]);
  expect(reads.get("prerequisite:$D MEMBER")).toEqual({ ok: true, value: members.join("\r") });
});

it("asks each system alone without follow-ups when the user may not route, once each answer shows it is whole", async () => {
  const log: string[] = [];
  const send = (async (req: { method: string; body?: unknown }) => {
    const cmd = (req.body as { cmd?: string } | undefined)?.cmd ?? "";
    log.push(req.method === "PUT" ? `PUT ${cmd}` : "GET follow-up");
    if (req.method !== "PUT") return { data: { "cmd-response": "" } };
    const answer = cmd.startsWith("RO ")
      ? " IEE345I ROUTE     AUTHORITY INVALID, FAILED BY SECURITY PRODUCT"
      : " IEE136I LOCAL: TIME=12.00.01 DATE=2025.001  UTC: TIME=12.00.01 DATE=2025.001";
    return { data: { "cmd-response-key": "C0000001", "cmd-response": answer } };
  }) as unknown as Send;
  const client = { console: createConsoleApi(send) } as unknown as VerifyClient;
  const wanted = new Map(
    topology.systems.map((s) => [s.name, prerequisiteChecks.systemReads!(topology, s).filter((r) => r.display?.command === "D T")]),
  );
  const groups = planRouted(topology, wanted);
  expect(groups.map((g) => g.display.command)).toEqual(["D T"]);
  const reads = await runRouted({ topology, groups, clientFor: async () => client, endpointInfo: async () => ({}), timeoutMs: 10_000 });
  expect(log).toEqual(["PUT RO *ALL,D T", "PUT D T", "PUT D T"]);
  expect([...reads.values()].map((r) => r.get("prerequisite:D T")?.ok)).toEqual([true, true]);
});

it("asks each system alone for a display that carries no completeness test, instead of routing it", () => {
  const untested: ReadSpec = { key: "t", run: async () => ({ ok: true, value: "" }), display: { command: "D T" } };
  const tested: ReadSpec = { ...untested, key: "w", display: { command: "D T", looksWhole: () => true } };
  const wanted = new Map(topology.systems.map((s) => [s.name, [untested, tested]]));
  expect(planRouted(topology, wanted).map((g) => g.key)).toEqual(["w"]);
});
