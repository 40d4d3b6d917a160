import { describe, expect, it } from "vitest";
import type { CommandEntry, StepOutcome } from "../../../src/engine/types";
import { stacksTouched } from "../../../src/rollback/stacks-touched";

const outcome = (id: string, system: string, state: StepOutcome["state"]): StepOutcome => ({
  id,
  title: id,
  system,
  state,
  durationMs: 1,
  notes: [],
});
const command = (stepId: string, system: string, command: string): CommandEntry => ({ stepId, system, command, response: [] });
const TCPIP = "zosmf-ha/tcpip/";

describe("stacks a run's TCP/IP steps may have changed", () => {
  it("takes steps that changed the stack", () => {
    expect(
      stacksTouched(
        { outcomes: [outcome(`${TCPIP}SYSA`, "SYSA", "changed"), outcome(`${TCPIP}SYSB`, "SYSB", "unchanged")], commands: [] },
        TCPIP,
      ),
    ).toEqual(["SYSA"]);
  });

  it("takes a failed step once it issued OBEYFILE, not one stopped by SYNTAXCHECK", () => {
    const r = {
      outcomes: [outcome(`${TCPIP}SYSA`, "SYSA", "failed"), outcome(`${TCPIP}SYSB`, "SYSB", "failed")],
      commands: [
        command(`${TCPIP}SYSA`, "SYSA", "V TCPIP,TCPIP,SYNTAXCHECK,DSN=TCPIP.HA.OBEY(HASYSA)"),
        command(`${TCPIP}SYSA`, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSA)"),
        command(`${TCPIP}SYSB`, "SYSB", "V TCPIP,TCPIP,SYNTAXCHECK,DSN=TCPIP.HA.OBEY(HASYSB)"),
      ],
    };
    expect(stacksTouched(r, TCPIP)).toEqual(["SYSA"]);
  });

  it("names each stack once and keeps to the steps of the prefix", () => {
    const r = {
      outcomes: [outcome(`${TCPIP}SYSA`, "SYSA", "changed"), outcome("port-sharing/reserve/SYSB", "SYSB", "changed")],
      commands: [
        command(`${TCPIP}SYSA`, "SYSA", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(HASYSA)"),
        command("port-sharing/reserve/SYSB", "SYSB", "V TCPIP,TCPIP,OBEYFILE,DSN=X(Y)"),
      ],
    };
    expect(stacksTouched(r, TCPIP)).toEqual(["SYSA"]);
    expect(stacksTouched(r, "port-sharing/reserve/")).toEqual(["SYSB"]);
  });

  it("reads a record written with the step ids from before port sharing and distributed services were renamed", () => {
    const r = {
      outcomes: [outcome("ports/reserve/SYSB", "SYSB", "changed"), outcome("services/distribute/SYSC", "SYSC", "failed")],
      commands: [command("services/distribute/SYSC", "SYSC", "V TCPIP,TCPIP,OBEYFILE,DSN=TCPIP.HA.OBEY(HPSYSC)")],
    };
    expect(stacksTouched(r, "port-sharing/reserve/")).toEqual(["SYSB"]);
    expect(stacksTouched(r, "distributed-services/distribute/")).toEqual(["SYSC"]);
  });
});
