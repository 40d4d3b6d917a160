import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../../src/engine/redact";

describe("redactSecrets", () => {
  it.each([
    ["      keystorePassword: s3cret", "      keystorePassword: ********"],
    ["+    password: hunter2", "+    password: ********"],
    ["  truststore_passphrase = abc def", "  truststore_passphrase = ********"],
    ["masterNodeUri: admin:pa55@redis.example.com:6379", "masterNodeUri: admin:********@redis.example.com:6379"],
    ["rediss://default:topsecret@cache:6380", "rediss://default:********@cache:6380"],
    // URIs with an empty user name
    ["redis://:pw@host:6379", "redis://:********@host:6379"],
    ['masterNodeUri: ":pw@h:6379"', 'masterNodeUri: ":********@h:6379"'],
    // JSON keys in quotes, one per line and several on one line
    ['  "keystorePassword": "x",', '  "keystorePassword": "********",'],
    ['{"user":"ibmuser","password":"p\\"w","port":443}', '{"user":"ibmuser","password":"********","port":443}'],
    // flow maps
    ["auth: { password: x y, user: y }", "auth: { password: ********, user: y }"],
    ["- {user: y, keystorePassword: 'a,b'}", "- {user: y, keystorePassword: '********'}"],
    // a setting quoted in a message
    ["IZU001E keystore password: bad1 was rejected", "IZU001E keystore password: ********"],
    // TSO/RACF operands
    ["ALTUSER HAUSER PASSWORD(x) NOEXPIRED", "ALTUSER HAUSER PASSWORD(********) NOEXPIRED"],
    ["ALTUSER HAUSER PHRASE('it''s (a) phrase') NOEXPIRED", "ALTUSER HAUSER PHRASE('********') NOEXPIRED"],
    ["  passphrase( 'long words here' )", "  passphrase( '********' )"],
    // JCL and query operands
    ["//HAJOB JOB (ACCT),'HA',USER=HAUSER,PASSWORD=SECRET1", "//HAJOB JOB (ACCT),'HA',USER=HAUSER,PASSWORD=********"],
    ["https://h/x?user=a&token=abc&b=1", "https://h/x?user=a&token=********&b=1"],
  ])("hides the secret in %j", (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("hides the lines of a YAML block scalar and keeps what follows", () => {
    const text = ["zowe:", "  certificate:", "    password: |", "      line one", "", "      line two", "    type: PKCS12"].join("\n");
    expect(redactSecrets(text)).toBe(
      ["zowe:", "  certificate:", "    password: |", "      ********", "", "      ********", "    type: PKCS12"].join("\n"),
    );
  });

  it("hides a block scalar on a list item and a folded one with chomping", () => {
    expect(redactSecrets("- secret: >-\n    abc\n  user: x")).toBe("- secret: >-\n    ********\n  user: x");
    expect(redactSecrets("password: |\r\n  abc\r\nuser: x")).toBe("password: |\r\n  ********\r\nuser: x");
  });

  it("hides a plain value continued on the next line, but not a nested mapping", () => {
    expect(redactSecrets("password:\n  hunter2\nhost: a")).toBe("password:\n  ********\nhost: a");
    expect(redactSecrets("credentials:\n  user: ibmuser\n  port: 443")).toBe("credentials:\n  user: ibmuser\n  port: 443");
  });

  it("hides block scalar lines inside a unified diff, whatever the diff marks them with", () => {
    const diff = [
      "--- zowe.yaml (now)",
      "+++ zowe.yaml (planned)",
      "@@ -1,4 +1,4 @@",
      " keystore:",
      "-  password: |",
      "-    old-secret",
      "+  password: |",
      "+    new-secret",
      "   type: PKCS12",
    ].join("\n");
    const out = redactSecrets(diff);
    expect(out).not.toMatch(/old-secret|new-secret/);
    expect(out).toContain("+    ********");
    expect(out).toContain("   type: PKCS12");
  });

  it("masks the same way when applied twice", () => {
    const text = 'password: |\n  x\nPHRASE(\'a b\') redis://:p@h "token": "t"';
    expect(redactSecrets(redactSecrets(text))).toBe(redactSecrets(text));
  });

  it("leaves ordinary configuration alone", () => {
    const text = [
      "storage:",
      "  mode: infinispan",
      "  initialHosts: sysa.example.com[7600],sysb.example.com[7600]",
      "  initialHosts: a[7600]",
      "HOSTNAME('192.0.2.10')",
      "ADDUSER HAUSER DFLTGRP(SYS1) NOPASSWORD NOPHRASE NAME('HA USER')",
      "RACDCERT ID(HAUSER) CONNECT(RING(ZoweRing)) KEYRING_NAME(ZoweRing)",
      "//STEP1 EXEC PGM=IKJEFT01,REGION=0M",
      "zowe: { runtimeDirectory: /usr/lpp/zowe, port: 7554 }",
      "https://sysa.example.com:443/zosmf/restjobs/jobs?owner=IBMUSER",
      "  text: |",
      "    plain line",
    ].join("\n");
    expect(redactSecrets(text)).toBe(text);
  });
});
