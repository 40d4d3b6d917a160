/** §5.1 DOC PORT statement: options in the documented order, each at most once. */
import { describe, expect, it } from "vitest";
import { parseProfile } from "../../../emulator/tcpip/profile-parser";

describe("PORT option order (§5.1)", () => {
  it("accepts the full documented order", () => {
    const r = parseProfile("PORT 5801 TCP IMSCON* NOAUTOLOG NODELAYACKS SHAREPORTWLM\n  BIND 192.0.2.1 SAF IMSC NOSMC\n", "X");
    expect(r.messages).toEqual([]);
    expect(r.statements[0]).toMatchObject({
      kind: "PORT",
      entries: [{ noAutoLog: true, delayAcks: false, share: "SHAREPORTWLM", bind: "192.0.2.1", saf: "IMSC" }],
    });
  });

  it.each([
    ["SHAREPORT before NOAUTOLOG", "PORT 9443 TCP ZCHA* SHAREPORT NOAUTOLOG", "NOAUTOLOG"],
    ["BIND before SHAREPORT", "PORT 9443 TCP ZCHA* BIND 192.0.2.1 SHAREPORT", "SHAREPORT"],
    ["SAF before BIND", "PORT 9443 TCP ZCHA* SAF ZCHA BIND 192.0.2.1", "BIND"],
    ["two DELAYACKS choices", "PORT 9443 TCP ZCHA* DELAYACKS NODELAYACKS", "NODELAYACKS"],
  ])("%s is a syntax error and the statement is ignored", (_what, line, at) => {
    const r = parseProfile(`${line}\nPORT 21 TCP FTPD1\n`, "USER.OBEY(X)");
    expect(r.messages).toEqual([`EZZ0401I SYNTAX ERROR IN FILE: USER.OBEY(X) ON LINE: 1 AT: '${at}'`]);
    expect(r.statements).toEqual([{ kind: "PORT", line: 2, entries: [{ port: 21, protocol: "TCP", jobName: "FTPD1", share: "NONE" }] }]);
  });
});
