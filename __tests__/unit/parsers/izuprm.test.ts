import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseIzuprm } from "../../../src/parsers/izuprm";

const HA = readFileSync(join(__dirname, "samples", "izuprm-ha.txt"), "utf8");

describe("parseIzuprm", () => {
  it("reads the HA member: comments, quotes, continuation, sequence numbers", () => {
    const r = parseIzuprm(HA);
    expect(r.problems).toEqual([]);
    const v = Object.fromEntries(Object.entries(r.statements).map(([k, s]) => [k, s.value]));
    expect(v).toEqual({
      SERVER_PROC: "IZUSVRA",
      ANGEL_PROC: "IZUANG1",
      AUTOSTART: "LOCAL",
      AUTOSTART_GROUP: "IZUDFLA",
      HOSTNAME: "zosmf.example.com",
      HTTP_SSL_PORT: "443",
      KEYRING_NAME: "IZUKeyring.IZUDFLT",
      SAF_PREFIX: "IZUDFLT",
      USER_DIR: "/global/zosmf/zosmfa",
      SEC_GROUPS: { USER: "IZUUSER", ADMIN: "IZUADMIN", SECADMIN: "IZUSECAD" },
      COMMON_TSO: { ACCT: "IZUACCT", REGION: "50000", PROC: "IZUFPROC" },
      PLUGINS: "INCIDENT_LOG,WORKFLOW",
      JAVA_HOME: "/usr/lpp/java/J17.0_64",
      UNAUTH_USER: "IZUGUEST",
      SESSION_EXPIRE: "495",
      TEMP_DIR: "/tmp/it's",
      LOGGING: "*=warning:com.ibm.zoszmf.*=info",
    });
    expect(r.statements.SERVER_PROC.line).toBe(2);
    expect(r.statements.ANGEL_PROC.line).toBe(2);
    expect(r.statements.SEC_GROUPS.line).toBe(12);
    expect(r.statements.PLUGINS.line).toBe(15);
  });

  it("ignores columns 72-80 even when they look like data", () => {
    const line = "HOSTNAME(ABC)".padEnd(71) + "XHTTP_SSL_PORT(1)";
    const r = parseIzuprm(line);
    expect(Object.keys(r.statements)).toEqual(["HOSTNAME"]);
  });

  it("continues a quoted value that runs to column 71", () => {
    const first = "LOGGING('" + "a".repeat(62);
    expect(first.length).toBe(71);
    const r = parseIzuprm(`${first}00000100\n  b=all')`);
    expect(r.problems).toEqual([]);
    expect(r.statements.LOGGING.value).toBe("a".repeat(62) + "  b=all");
  });

  it("accepts statements in any order, lower case names, bare keywords and blanks around values", () => {
    const r = parseIzuprm(
      "http_ssl_port( 10443 ) hostname('*')\nWLM_CLASSES DEFAULT(IZUGHTTP) LONG_WORK(IZUGWORK)\nSOME_FLAG\nSAF_PREFIX(IZUDFLT)",
    );
    expect(r.statements.HTTP_SSL_PORT.value).toBe("10443");
    expect(r.statements.HOSTNAME.value).toBe("*");
    expect(r.statements.WLM_CLASSES.value).toEqual({ DEFAULT: "IZUGHTTP", LONG_WORK: "IZUGWORK" });
    expect(r.statements.SOME_FLAG).toEqual({ name: "SOME_FLAG", value: "", line: 3 });
    expect(r.statements.SAF_PREFIX.value).toBe("IZUDFLT");
  });

  it("reports an unclosed parenthesis and recovers at the next statement", () => {
    const r = parseIzuprm("HOSTNAME('X'\nHTTP_SSL_PORT(443)");
    expect(r.problems).toEqual([{ kind: "unbalanced-paren", line: 1, message: expect.stringContaining("line 1") }]);
    expect(r.statements.HTTP_SSL_PORT.value).toBe("443");
  });

  it("reports an extra closing parenthesis", () => {
    const r = parseIzuprm("HTTP_SSL_PORT(443))");
    expect(r.problems.map((p) => [p.kind, p.line])).toEqual([["unbalanced-paren", 1]]);
  });

  it("reports an unclosed quote", () => {
    const r = parseIzuprm("JAVA_HOME('/usr/lpp/java)\nHTTP_SSL_PORT(443)");
    expect(r.problems.map((p) => [p.kind, p.line])).toContainEqual(["unbalanced-quote", 1]);
    expect(r.statements.HTTP_SSL_PORT.value).toBe("443");
  });

  it("reports an unclosed comment", () => {
    const r = parseIzuprm("HTTP_SSL_PORT(443)\n/* never closed\nHOSTNAME(X)");
    expect(r.problems).toEqual([{ kind: "unclosed-comment", line: 2, message: expect.any(String) }]);
    expect(Object.keys(r.statements)).toEqual(["HTTP_SSL_PORT"]);
  });

  it("reports duplicate statements and sub-keywords, keeping the last", () => {
    const r = parseIzuprm("HTTP_SSL_PORT(443)\nHTTP_SSL_PORT(10443)\nSEC_GROUPS USER(A) USER(B)");
    expect(r.problems.map((p) => [p.kind, p.line])).toEqual([
      ["duplicate", 2],
      ["duplicate", 3],
    ]);
    expect(r.statements.HTTP_SSL_PORT).toEqual({ name: "HTTP_SSL_PORT", value: "10443", line: 2 });
  });

  it("reads empty text as no statements", () => {
    expect(parseIzuprm("")).toEqual({ statements: {}, problems: [] });
  });
});
