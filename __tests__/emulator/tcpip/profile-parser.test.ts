/** Profile statement reading (§5.1): abbreviations, spanning lines, records, HOTSTANDBY rules. */
import { describe, expect, it } from "vitest";
import { parseProfile } from "../../../emulator/tcpip/profile-parser";

describe("profile statements (§5.1)", () => {
  it("accepts abbreviations in any case and statements spanning lines", () => {
    const r = parseProfile(
      [
        "ipconfig sysplexrouting",
        "   dynamicxcf 198.51.100.1 255.255.255.0 1",
        "VIPADYNAMIC",
        " VIPADEF MOVE IMMED 255.255.255.0 192.0.2.10",
        " VIPAB 50 192.0.2.11",
        " VIPADIST DEFINE DISTM WEIGHTEDA OPTLOCAL 2",
        "   192.0.2.10 PORT 5595 5801",
        "   DESTIP 198.51.100.1 WEIGHT 20 198.51.100.2 WEIGHT 10",
        "ENDVIPADYNAMIC",
      ].join("\n"),
      "X",
    );
    expect(r.messages).toEqual([]);
    expect(r.statements.map((s) => s.kind)).toEqual(["IPCONFIG", "VIPADEFINE", "VIPABACKUP", "VIPADISTRIBUTE"]);
    expect(r.statements[0]).toMatchObject({ sysplexRouting: true, dynamicXcf: { address: "198.51.100.1", cost: 1 } });
    expect(r.statements[2]).toMatchObject({ rank: 50, addresses: ["192.0.2.11"] });
    expect(r.statements[3]).toMatchObject({
      dist: { method: "WEIGHTEDACTIVE", optLocal: 2, ports: [5595, 5801], targets: [{ weight: 20 }, { weight: 10 }] },
    });
  });

  it("ignores columns 72 onwards and ; comments (§5.2 records)", () => {
    const line = "PORT 9443 TCP ZCHA* SHAREPORT".padEnd(71) + "00010000";
    const r = parseProfile(`; port sharing for z/OS Connect\n${line}\n`, "X");
    expect(r.messages).toEqual([]);
    expect(r.statements).toEqual([
      { kind: "PORT", line: 2, entries: [{ port: 9443, protocol: "TCP", jobName: "ZCHA*", share: "SHAREPORT" }] },
    ]);
  });

  it("reads several PORT entries after one PORT keyword with their options", () => {
    const r = parseProfile("PORT\n  5595 TCP ZCHA* NOAUTOLOG SHAREPORTWLM\n  5801 TCP IMSCON* NODELAYACKS BIND 192.0.2.1 SAF IMSC\n", "X");
    expect(r.statements[0]).toMatchObject({
      kind: "PORT",
      entries: [
        { port: 5595, jobName: "ZCHA*", noAutoLog: true, share: "SHAREPORTWLM" },
        { port: 5801, jobName: "IMSCON*", delayAcks: false, bind: "192.0.2.1", saf: "IMSC" },
      ],
    });
  });

  it("reads DELETE PORT as a removal (DOC halz001 DELETE statement; forms.ts)", () => {
    const r = parseProfile("DELETE PORT 9443 TCP ZCHA* SHAREPORT\n", "X");
    expect(r.statements).toEqual([{ kind: "DELETEPORT", line: 1, entries: [{ port: 9443, protocol: "TCP", jobName: "ZCHA*" }] }]);
  });

  it("reports an unrecognised statement and ignores it (forms.ts syntaxError)", () => {
    const r = parseProfile("FROBNICATE 1 2 3\nPORT 21 TCP FTPD1\n", "USER.OBEY(X)");
    expect(r.messages).toEqual(["EZZ0401I SYNTAX ERROR IN FILE: USER.OBEY(X) ON LINE: 1 AT: 'FROBNICATE'"]);
    expect(r.statements.map((s) => s.kind)).toEqual(["PORT"]);
  });

  it("stops the VIPADYNAMIC block at a syntax error (§5.1)", () => {
    const r = parseProfile(
      "VIPADYNAMIC\n VIPADEFINE 255.255.255.0 999.1.1.1\n VIPABACKUP 192.0.2.11\nENDVIPADYNAMIC\nPORT 21 TCP FTPD1\n",
      "X",
    );
    expect(r.errorCount).toBe(1);
    expect(r.statements.map((s) => s.kind)).toEqual(["PORT"]);
  });

  const hs = (destip: string, method = "HOTSTANDBY", extra = "") =>
    `VIPADYNAMIC\n VIPADISTRIBUTE DISTMETHOD ${method} ${extra} 192.0.2.10 PORT 443\n  DESTIP ${destip}\n VIPADEFINE 255.255.255.0 192.0.2.20\nENDVIPADYNAMIC\n`;

  it("EZZ0826I when HOTSTANDBY targets lack PREFERRED/BACKUP", () => {
    const r = parseProfile(hs("198.51.100.1 198.51.100.2"), "X");
    expect(r.messages[0]).toMatch(/^EZZ0826I PREFERRED AND BACKUP PARAMETERS ARE REQUIRED/);
    expect(r.statements.map((s) => s.kind)).toEqual(["VIPADEFINE"]);
  });

  it("EZZ0827I without exactly one PREFERRED and a BACKUP", () => {
    const r = parseProfile(hs("198.51.100.1 PREFERRED 198.51.100.2 PREFERRED"), "X");
    expect(r.messages[0]).toMatch(/^EZZ0827I EXACTLY ONE PREFERRED/);
  });

  it("EZZ0829I with more than 31 backups", () => {
    const backups = Array.from({ length: 32 }, (_, i) => `10.0.0.${i + 2} BACKUP ${i + 1}`).join("\n  ");
    const r = parseProfile(hs(`10.0.0.1 PREFERRED\n  ${backups}`), "X");
    expect(r.messages[0]).toMatch(/^EZZ0829I MORE THAN 31 BACKUPS/);
  });

  it("EZZ0165I for DESTIP ALL with HOTSTANDBY, naming the line", () => {
    const r = parseProfile(hs("ALL"), "X");
    expect(r.messages).toEqual([
      "EZZ0165I VIPADISTRIBUTE PARAMETER DESTIP ALL ON LINE 3 CANNOT BE SPECIFIED WHEN DISTMETHOD IS HOTSTANDBY",
    ]);
  });

  it("EZZ0831I for HOTSTANDBY-only keywords with another method, and the rest of the block is ignored", () => {
    const r = parseProfile(hs("198.51.100.1 198.51.100.2", "ROUNDROBIN", "AUTOSWITCHBACK") + "PORT 21 TCP FTPD1\n", "X");
    expect(r.messages).toEqual([
      "EZZ0831I VIPADISTRIBUTE AUTOSWITCHBACK ON LINE 2 IS NOT VALID BECAUSE THE SPECIFIED DISTMETHOD IS NOT HOTSTANDBY",
    ]);
    expect(r.statements.map((s) => s.kind)).toEqual(["PORT"]);
  });

  it("defaults: DEFINE, AUTOSWITCHBACK, backup rank 1, HOTSTANDBY roles kept", () => {
    const r = parseProfile(hs("198.51.100.1 PREFERRED\n  198.51.100.2 BACKUP\n  198.51.100.3 BACKUP 50"), "X");
    expect(r.statements[0]).toMatchObject({
      action: "DEFINE",
      dist: { autoSwitchBack: true, targets: [{ role: "PREFERRED" }, { role: "BACKUP", rank: 1 }, { role: "BACKUP", rank: 50 }] },
    });
  });
});
