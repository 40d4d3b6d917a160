import { describe, expect, it } from "vitest";
import { parseObeyResponse } from "../../../src/parsers/obey-response";

// Hand-made responses; the wording is illustrative, the parser keys on the ids only.
const OK = [
  " EZZ0060I PROCESSING COMMAND: VARY TCPIP,TCPIP,OBEYFILE,SYS1.TCPPARMS(HAOBEY)",
  "  EZZ0053I COMMAND VARY OBEYFILE COMPLETED SUCCESSFULLY",
].join("\r");

const IGNORED = [
  " EZZ0060I PROCESSING COMMAND: VARY TCPIP,TCPIP,OBEYFILE,SYS1.TCPPARMS(HAOBEY)",
  "  EZZ0300I OPENED OBEYFILE FILE 'SYS1.TCPPARMS(HAOBEY)'",
  "  EZZ0309I PROFILE PROCESSING BEGINNING FOR 'SYS1.TCPPARMS(HAOBEY)'",
  "  EZZ0827I EXACTLY ONE PREFERRED AND AT LEAST ONE BACKUP ARE REQUIRED",
  "    ON THE VIPADISTRIBUTE STATEMENT WHEN DISTMETHOD IS HOTSTANDBY",
  "  EZZ0316I PROFILE PROCESSING COMPLETE FOR FILE 'SYS1.TCPPARMS(HAOBEY)'",
  "  EZZ0053I COMMAND VARY OBEYFILE COMPLETED SUCCESSFULLY",
].join("\r");

const SYNTAX = [
  " EZZ0060I PROCESSING COMMAND: VARY TCPIP,TCPIP,SYNTAXCHECK,SYS1.TCPPARMS(HAOBEY)",
  "  EZZ0061I SYNTAXCHECK PROCESSING STARTED",
  "  EZZ0831I VIPADISTRIBUTE KEYWORD PREFERRED ON LINE 7 IS NOT VALID",
  "  EZZ0165I VIPADISTRIBUTE PARAMETER DESTIP ALL ON LINE 9 CANNOT BE SPECIFIED",
  "  EZZ0064I SYNTAX ERRORS WERE FOUND",
  "  EZZ0065I VARY SYNTAXCHECK COMMAND COMPLETE",
].join("\r");

describe("parseObeyResponse", () => {
  it("reads a clean OBEYFILE", () => {
    const r = parseObeyResponse(OK);
    expect(r).toMatchObject({
      command: "OBEYFILE",
      completed: true,
      syntaxErrors: false,
      failed: false,
      statementErrors: [],
      rejection: null,
      clean: true,
      recognised: true,
    });
    expect(r.messages.map((m) => m.id)).toEqual(["EZZ0060I", "EZZ0053I"]);
  });

  it("exposes both completion and ignored statements", () => {
    const r = parseObeyResponse(IGNORED, "OBEYFILE");
    expect(r.completed).toBe(true);
    expect(r.clean).toBe(false);
    expect(r.statementErrors).toEqual([
      {
        id: "EZZ0827I",
        text: "EXACTLY ONE PREFERRED AND AT LEAST ONE BACKUP ARE REQUIRED ON THE VIPADISTRIBUTE STATEMENT WHEN DISTMETHOD IS HOTSTANDBY",
      },
    ]);
  });

  it("reads a SYNTAXCHECK with errors", () => {
    const r = parseObeyResponse(SYNTAX);
    expect(r).toMatchObject({ command: "SYNTAXCHECK", completed: true, syntaxErrors: true, clean: false });
    expect(r.statementErrors.map((m) => m.id)).toEqual(["EZZ0831I", "EZZ0165I"]);
  });

  it("does not take EZZ0053I as completion of a SYNTAXCHECK", () => {
    const r = parseObeyResponse("  EZZ0053I COMMAND COMPLETED", "SYNTAXCHECK");
    expect(r.completed).toBe(false);
  });

  it("reads EZZ0059I as a failure and other profile errors as statement errors", () => {
    const r = parseObeyResponse(
      " EZZ0060I PROCESSING COMMAND: VARY TCPIP,,OBEYFILE,BAD.DSN\r  EZZ0059I COMMAND FAILED\r  EZZ0146I DENY IS ONLY VALID WITH *",
    );
    expect(r).toMatchObject({ command: "OBEYFILE", completed: false, failed: true, clean: false });
    expect(r.statementErrors.map((m) => m.id)).toEqual(["EZZ0059I", "EZZ0146I"]);
  });

  it("reads routing rejections, mixed case and \\n separators", () => {
    const r = parseObeyResponse(" IEE345I VARY     AUTHORITY INVALID, FAILED BY SECURITY PRODUCT\n");
    expect(r.rejection?.id).toBe("IEE345I");
    expect(r.recognised).toBe(true);
    expect(r.clean).toBe(false);
    expect(parseObeyResponse(" ezz0053i command vary obeyfile completed").completed).toBe(true);
  });

  it("marks an unrelated or empty response as not recognised", () => {
    const r = parseObeyResponse(" IEE254I  09.00.16 IPLINFO DISPLAY 147\r  SYSTEM IPLED AT 14.36.04");
    expect(r).toMatchObject({ recognised: false, completed: false, clean: false, command: null });
    expect(parseObeyResponse("")).toMatchObject({ recognised: false, messages: [], otherLines: [] });
    expect(parseObeyResponse("JUST TEXT").otherLines).toEqual(["JUST TEXT"]);
  });
});
