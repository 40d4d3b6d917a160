import { describe, expect, it } from "vitest";
import { redactMessage, redactSecrets, registerSecrets } from "../../../src/engine/redact";
import { unifiedDiff } from "../../../src/provision/ops/diff";
import { zoweYamlSecrets } from "../../../src/provision/caching-service/zowe-yaml-secrets";

describe("secrets masked by value", () => {
  it("keeps the plug-in's own sentence whole when it only talks about credentials", () => {
    const sentence = "No usable z/OSMF credentials: user and password (or a token, or a client certificate) missing.";
    expect(redactMessage(sentence)).toBe(sentence);
  });

  it("hides a known password wherever it appears, whatever the words around it", () => {
    registerSecrets("Pw-7f3c9e1a");
    for (const text of ["logon with Pw-7f3c9e1a refused", "x=Pw-7f3c9e1a;", "{Pw-7f3c9e1a}"]) {
      expect(redactMessage(text)).not.toContain("Pw-7f3c9e1a");
      expect(redactSecrets(text)).not.toContain("Pw-7f3c9e1a");
    }
    expect(redactMessage("logon with Pw-7f3c9e1a refused")).toBe("logon with ******** refused");
    expect(redactMessage("ALU IBMUSER PASSWORD(abc123) NOEXPIRED")).toBe("ALU IBMUSER PASSWORD(********) NOEXPIRED");
  });

  it("finds a zowe.yaml secret behind an anchor under an ordinary key, so its diff hides it", () => {
    const before = [
      "zowe:",
      "  certificate:",
      "    keystore:",
      "      file: &ks Hunter-22x",
      "      type: PKCS12",
      "      password: *ks",
      "",
    ].join("\n");
    const after = before.replace("PKCS12", "JCERACFKS");
    expect(redactSecrets(unifiedDiff("/zowe/zowe.yaml", before, after))).toContain("Hunter-22x");
    registerSecrets(...zoweYamlSecrets(before));
    expect(redactSecrets(unifiedDiff("/zowe/zowe.yaml", before, after))).not.toContain("Hunter-22x");
  });

  it("does not take numbers or switches under a secret-looking key for secrets", () => {
    expect(zoweYamlSecrets("tokenExpiration: 3600\ncredentialsEnabled: true\nkeystorePassword: s3cret-value\n")).toEqual(["s3cret-value"]);
  });
});
