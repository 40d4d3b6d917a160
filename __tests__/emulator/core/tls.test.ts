import { readFileSync } from "node:fs";
import * as https from "node:https";
import { describe, expect, it } from "vitest";
import { start } from "../../../emulator";

describe("TLS", () => {
  it("§4.1 serves HTTPS with a certificate a client verifies against the emulator's CA file", async () => {
    const em = await start({ port: 0 });
    try {
      expect(em.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const ca = readFileSync(em.caFile, "utf8");
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`${em.url}/zosmf/info`, { ca, rejectUnauthorized: true }, (res) => {
            let text = "";
            res.on("data", (d) => (text += d));
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
      expect(JSON.parse(body).zosmf_hostname).toBe("SYSA");
      // Without the CA the same request must fail verification.
      await expect(
        new Promise((resolve, reject) => https.get(`${em.url}/zosmf/info`, { rejectUnauthorized: true }, resolve).on("error", reject)),
      ).rejects.toThrow();
    } finally {
      await em.stop();
    }
  });
});
