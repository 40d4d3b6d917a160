import { describe, expect, it } from "vitest";
import { Refusal } from "../../../src/templates/escape";
import type { TopologySystem } from "../../../src/topology";
import { queryCommand } from "../../../src/verify/checks/netstat";

const system = (proc: string) => ({ name: "SYSA", tcpip: { proc } }) as unknown as TopologySystem;

describe("the NETSTAT displays verify issues", () => {
  it("name the TCP/IP procedure as one operand", () => {
    expect(queryCommand(system("TCPIP"), { report: "VIPADCFG", options: ["DETAIL"] })).toBe("D TCPIP,TCPIP,NETSTAT,VIPADCFG,DETAIL");
  });

  // A procedure name past the topology checks: a comma or blank would add an operand or hide the rest.
  it.each(["TCPIP,MAX=1", "TCPIP X", "TCPIP;S EVIL", "TCPIP&X."])("refuse a procedure name %j instead of issuing it", (proc) => {
    expect(() => queryCommand(system(proc), { report: "HOME" })).toThrow(Refusal);
  });
});
