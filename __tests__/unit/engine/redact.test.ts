import { describe, expect, it } from "vitest";
import { redactSecrets } from "../../../src/engine/redact";

describe("redactSecrets", () => {
  it.each([
    ["      keystorePassword: s3cret", "      keystorePassword: ********"],
    ["+    password: hunter2", "+    password: ********"],
    ["  truststore_passphrase = abc def", "  truststore_passphrase = ********"],
    ["masterNodeUri: admin:pa55@redis.example.com:6379", "masterNodeUri: admin:********@redis.example.com:6379"],
    ["rediss://default:topsecret@cache:6380", "rediss://default:********@cache:6380"],
  ])("hides the secret in %j", (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it("leaves ordinary configuration alone", () => {
    const text = "storage:\n  mode: infinispan\n  initialHosts: sysa.example.com[7600],sysb.example.com[7600]\nHOSTNAME('192.0.2.10')";
    expect(redactSecrets(text)).toBe(text);
  });
});
