import { describe, expect, it } from "vitest";
import { commentText } from "../../../src/templates/escape/comment";
import { consoleOperand } from "../../../src/templates/escape/console";
import { idcamsOperand } from "../../../src/templates/escape/idcams";
import { instreamRecord } from "../../../src/templates/escape/instream";
import { dataSetName, jclName, jclQuotedText } from "../../../src/templates/escape/jcl";
import { obeyToken } from "../../../src/templates/escape/obey";
import { zoweYamlText } from "../../../src/templates/escape/zowe-yaml";
import { parmlibQuotedText, parmlibWord } from "../../../src/templates/escape/parmlib";
import { Refusal } from "../../../src/templates/escape/refusal";
import { shellWord } from "../../../src/templates/escape/shell";
import { tsoQuotedText, tsoWord } from "../../../src/templates/escape/tso";

/** Strings a hostile or careless topology might carry. */
const HOSTILE = [
  "a'b",
  'a"b',
  "a;b",
  "$(rm -rf /)",
  "`id`",
  "/z;rm${IFS}-rf${IFS}/",
  "a\nb",
  "a\rb",
  "a\0b",
  "//X JOB",
  "/*$VS,'C U=A'",
  "a,b",
  "a(b)",
  "a b",
  "X".repeat(300),
];

/** What a POSIX shell makes of one single-quoted word (the part of sh(1) the escaper relies on). */
function shellRead(word: string): string[] {
  const words: string[] = [];
  let cur: string | null = null;
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === "'") {
      const end = word.indexOf("'", i + 1);
      if (end < 0) throw new Error("open quote");
      cur = (cur ?? "") + word.slice(i + 1, end);
      i = end;
    } else if (c === "\\") cur = (cur ?? "") + word[++i];
    else if (c === " ") {
      if (cur !== null) words.push(cur);
      cur = null;
    } else if (/[;&|`$<>()]/.test(c)) throw new Error(`syntax ${c} outside quotes`);
    else cur = (cur ?? "") + c;
  }
  if (cur !== null) words.push(cur);
  return words;
}

const refuses = (f: (v: string) => string, v: string) => expect(() => f(v), JSON.stringify(v)).toThrow(Refusal);

describe("shell word", () => {
  it.each(HOSTILE.filter((v) => !/[\n\r\0]/.test(v)))("%j is one word and nothing else", (v) => {
    expect(shellRead(shellWord(v))).toEqual([v]);
  });
  it.each(["a\nb", "a\rb", "a\0b", "a\tb"])("%j is refused: it would end the command line", (v) => refuses(shellWord, v));
  it.each(["-rf", "--help", "-"])("%j is refused: the command would read it as an option", (v) => refuses(shellWord, v));
  it.each(["", "~root", "a*", "a?", "[a]", "{a,b}", "!x", "#x", "a b"])("%j is quoted, so the shell expands nothing", (v) => {
    expect(shellWord(v).startsWith("'")).toBe(true);
    expect(shellRead(shellWord(v))).toEqual([v]);
  });
  it("writes an ordinary path as it is", () => expect(shellWord("/global/zosmf/zosmfa")).toBe("/global/zosmf/zosmfa"));
});

describe("JCL quoted text", () => {
  it("doubles apostrophes, so the operand reads back as the value", () => {
    const out = jclQuotedText("O'Brien's /z;x");
    expect(out).toBe("O''Brien''s /z;x");
    expect(`'${out}'`.slice(1, -1).replace(/''/g, "'")).toBe("O'Brien's /z;x");
  });
  it.each(["a\nb", "a\rb", "a\0b", "a&SYSUID", "é"])("%j is refused", (v) => refuses(jclQuotedText, v));
  it("composes with a shell word: JCL hands the program exactly the quoted word", () => {
    const parm = jclQuotedText(shellWord("/z'x;y"));
    expect(parm.replace(/''/g, "'")).toBe(shellWord("/z'x;y"));
  });
});

describe("JCL names and data set names", () => {
  it.each(["SYSA", "A1", "$SYS#@"])("%j is a name", (v) => expect(jclName(v)).toBe(v));
  it.each([...HOSTILE, "", "1SYS", "sysa", "TOOLONGNM"])("%j is not a name", (v) => refuses(jclName, v));
  it.each(["IZU.SIZUUSRD.ZOSMFA", "A-B.C"])("%j is a data set name", (v) => expect(dataSetName(v)).toBe(v));
  it.each([...HOSTILE, "", "A..B", "A.TOOLONGQUAL", `${"A.".repeat(22)}B`, "A.B)"])("%j is not a data set name", (v) =>
    refuses(dataSetName, v),
  );
});

describe("console operand", () => {
  it("passes a procedure name and a data set member unchanged", () => {
    expect(consoleOperand("TCPIP", "name")).toBe("TCPIP");
    expect(consoleOperand("SYS1.TCPPARMS(HASYSA)", "dataset-member")).toBe("SYS1.TCPPARMS(HASYSA)");
  });
  it.each([...HOSTILE, "", "TCPIP,ALL", "TCPIP;S X"])("%j is refused as a name", (v) => refuses((x) => consoleOperand(x, "name"), v));
  it.each([...HOSTILE.filter((v) => v !== "a(b)"), "SYS1.P(M),X", "SYS1.P(M) ", "SYS1.P"])("%j is refused as a data set member", (v) =>
    refuses((x) => consoleOperand(x, "dataset-member"), v),
  );
});

describe("TCP/IP profile token", () => {
  it.each(["10.1.1.1", "255.255.255.0", "ZWE1*", 8443])("%j is one token", (v) => expect(obeyToken(v)).toBe(String(v)));
  it.each(["a b", "a;b", "a'b", 'a"b', "a\nb", "a\rb", "a\0b", "/*x", "", "a\tb"])("%j is refused", (v) => refuses(obeyToken, v));
  // & is a system symbol TCP/IP replaces in obey members; the rest could join, split or continue a statement.
  it.each([
    "10.1.1.1&SYSCLONE.",
    "ZCHA&X",
    "10.1.1.1)(",
    "10.1.1.1,X",
    "A=B",
    "A*/B",
    "A//B",
    "A+",
    "$(id)",
    "`id`",
    "A\\",
    "\uff08A\uff09",
    "A\u00a0B",
    "A\u2028B",
  ])("%j is refused: it is no address, name or wildcard", (v) => refuses(obeyToken, v));
  it("refuses a number that is not whole", () => expect(() => obeyToken(1.5)).toThrow(Refusal));
});

describe("IDCAMS operand", () => {
  it.each(["ZOSVOL", "SC1", 80])("%j passes", (v) => expect(idcamsOperand(v)).toBe(String(v)));
  it.each([...HOSTILE, "", "A-", "A+", "A)"])("%j is refused", (v) => refuses(idcamsOperand, v));
});

describe("PARMLIB values", () => {
  it("keeps case and special characters a quoted value may hold", () =>
    expect(parmlibQuotedText("/global/zosmf/zosmfa")).toBe("/global/zosmf/zosmfa"));
  it.each(["a'b", "a*/b", "a/*b", "a\nb", "a\0b"])("%j is refused in a quoted value", (v) => refuses(parmlibQuotedText, v));
  // The system replaces static system symbols when it reads a PARMLIB member, inside apostrophes too.
  it.each(["/global/zosmf/&SYSNAME.", "IZUDFLA&X", "&"])("%j is refused in a quoted value: & starts a system symbol", (v) =>
    refuses(parmlibQuotedText, v),
  );
  it.each([...HOSTILE, ""])("%j is refused as a word", (v) => refuses(parmlibWord, v));
});

describe("TSO text", () => {
  it("doubles apostrophes inside a quoted operand", () => expect(tsoQuotedText("/u/o'x")).toBe("/u/o''x"));
  it.each(["a\nb", "a\rb", "a\0b"])("%j is refused: it would start another command", (v) => refuses(tsoQuotedText, v));
  it.each(["IZUKeyring.IZUDFLT", "zosmf.example.com", "10.1.1.1"])("%j is one TSO word", (v) => expect(tsoWord(v)).toBe(v));
  it.each([...HOSTILE, "IZUKeyring.IZUDFLT)ID(IBMUSER", ""])("%j is refused as a TSO word", (v) => refuses(tsoWord, v));
});

describe("comments and in-stream records", () => {
  it.each(["a\nb", "a\rb", "a*/b", "a/*b", "a\0b"])("%j is refused in a comment", (v) => refuses(commentText, v));
  it("a comment keeps ordinary punctuation", () => expect(commentText("Caching (RLS), x'y")).toBe("Caching (RLS), x'y"));
  it.each(["//X JOB", "/*", "/*$VS", "a\nb", "a\0b"])("%j is refused as an in-stream record", (v) => refuses(instreamRecord, v));
  it("an ordinary SYSTSIN line passes", () => expect(instreamRecord("  LISTGRP IZUADMIN")).toBe("  LISTGRP IZUADMIN"));
});

describe("zowe.yaml text", () => {
  it.each(["redis.example.com:6379", "safkeyring://IZUSVR/Ring", "/global/ks/ks.p12"])("%j passes unchanged", (v) =>
    expect(zoweYamlText(v)).toBe(v),
  );
  it.each(["${{ zowe.setup.certificate }}", "h:1${{x}}", "${HOME}", "a\nb", "a\u2028b"])(
    "%j is refused: Zowe would evaluate or split it",
    (v) => refuses(zoweYamlText, v),
  );
});
