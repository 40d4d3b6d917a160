import { describe, expect, it } from "vitest";
import { failCommand, restoreCommand } from "../../../src/drill/commands";
import type { DrillTarget } from "../../../src/drill/target";

const target = (job: string, stack = "TCPIP"): DrillTarget => ({
  name: "zosconnect",
  dvipa: "192.0.2.20",
  port: 5595,
  host: "192.0.2.20",
  distributor: "SYSA",
  hotStandby: true,
  autoSwitchBack: true,
  zosmf: false,
  preferred: { system: "SYSA", job, xcf: "10.1.1.1", stack, jobField: "distributedServices[zosconnect].targets[0].server" },
  backups: [],
});

describe("drill commands refuse operands that would add an operand, naming the topology field", () => {
  it("a server name with a comma names distributedServices[<name>].targets[<i>].server, nothing built", () => {
    expect(() => failCommand(target("ZCON1,X"), "quiesce")).toThrow(/^distributedServices\[zosconnect\]\.targets\[0\]\.server /);
    expect(() => restoreCommand(target("ZCON1 X"), "stop")).toThrow(/^distributedServices\[zosconnect\]\.targets\[0\]\.server /);
  });

  it("a stack procedure with a blank names systems[SYSA].tcpip.proc", () => {
    expect(() => failCommand(target("ZCON1", "TCP IP"), "quiesce")).toThrow(/^systems\[SYSA\]\.tcpip\.proc /);
  });
});
