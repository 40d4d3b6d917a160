import { describe, expect, it } from "vitest";
import { parseTaskNames } from "../../../src/discover/facts";
import { parseIeasysList, parseParmlibDisplay } from "../../../src/discover/parmlib";

describe("D PARMLIB (IEE251I)", () => {
  it("lists the concatenation in order", () => {
    const text = [
      " IEE251I 10.15.02 PARMLIB DISPLAY 411",
      "  PARMLIB DATA SETS SPECIFIED",
      "  AT IPL",
      "  ENTRY  FLAGS  VOLUME  DATA SET",
      "    1      S    ZOSCAT  USER.PARMLIB",
      "    2      D    ZOSRES  SYS1.PARMLIB",
    ].join("\r");
    expect(parseParmlibDisplay(text)).toEqual(["USER.PARMLIB", "SYS1.PARMLIB"]);
  });

  it("is unknown without IEE251I or without the heading", () => {
    expect(parseParmlibDisplay(" IEE305I DISPLAY COMMAND INVALID")).toBeNull();
    expect(parseParmlibDisplay(" IEE251I 10.15.02 PARMLIB DISPLAY 411\r    1      S    ZOSRES  SYS1.PARMLIB")).toBeNull();
  });
});

describe("D IPLINFO (IEE254I)", () => {
  it("reads the IEASYS LIST", () => {
    const text = " IEE254I  09.00.16 IPLINFO DISPLAY 147\r  SYSTEM IPLED AT 14.36.04 ON 02/17/2018\r  IEASYS LIST = (00,SA) (OP)";
    expect(parseIeasysList(text)).toEqual(["00", "SA"]);
  });

  it("is unknown when the message or the list is missing", () => {
    expect(parseIeasysList("  IEASYS LIST = (SA)")).toBeNull();
    expect(parseIeasysList(" IEE254I  09.00.16 IPLINFO DISPLAY 147\r  SYSTEM IPLED AT 14.36.04 ON 02/17/2018")).toBeNull();
  });
});

describe("D A,L (IEE115I)", () => {
  it("lists the job names of the address spaces, not the summary lines", () => {
    const text = [
      " IEE115I 10.00.00 2026.337 ACTIVITY 12",
      "   JOBS     M/S    TS USERS    SYSAS    INITS   ACTIVE/MAX VTAM     OAS",
      "  00000    00002    00000      00000    00000    00000/00000       00000",
      "  ZCHA1    ZCHA     ZCHA      NSW  SO  WUID=STC00012",
      "  IZUSVRA  IZUSVRA  IZUSVR1   NSW  SO  WUID=STC00013",
    ].join("\r");
    expect(parseTaskNames(text)).toEqual(["ZCHA1", "IZUSVRA"]);
    expect(parseTaskNames(" IEE305I DISPLAY COMMAND INVALID")).toBeNull();
  });
});
