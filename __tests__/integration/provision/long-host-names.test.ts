/**
 * DNS host names as long as DNS allows: the certificate's alternative names carry them whole
 * (TSO `+` continuation inside the quoted name), and a name too long for a certificate's
 * common name is refused while planning, naming its field.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { HaError } from "../../../src/errors";
import type { ZosmfClient } from "../../../src/zosmf";
import { apply, plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

/** A label of 63 characters, the most DNS allows. */
const LONG_HOST = `${"b".repeat(63)}.sysplex1.example.com`;

describe("long DNS host names", () => {
  it("a system host name with a 63-character label is in the server certificate, and a second run defines nothing", async () => {
    const t = topology("two-system.yaml", (y) => y.replace("sysb.example.com", LONG_HOST));
    const { outcomes } = await apply(await plan(client, t, { startServers: true }));
    expect(outcomes.filter((o) => o.state !== "changed").map((o) => `${o.id}: ${o.error?.message ?? o.state}`)).toEqual([]);
    const cert = Object.values(emu.state.racf.certificates).find((c) => c.label === "DefaultzOSMFCert.IZUDFLT");
    expect(cert?.altNames?.map((n) => n.value)).toContain(LONG_HOST);

    const again = await apply(await plan(client, t));
    expect(again.outcomes.find((o) => o.id === "zosmf-ha/security")?.state).toBe("unchanged");
  });

  it("a zosmfHa.hostname longer than a common name holds is refused while planning, naming the field; nothing is submitted", async () => {
    const longName = `${"c".repeat(60)}.example.com`;
    const t = topology("two-system.yaml", (y) => y.replace("  dvipa: 192.0.2.10\n", `  dvipa: 192.0.2.10\n  hostname: ${longName}\n`));
    expect(t.zosmfHa?.hostname).toBe(longName);
    const err = await plan(client, t).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HaError);
    expect((err as HaError).failureClass).toBe("invalid-input");
    expect([(err as HaError).message, ...(err as HaError).details].join("\n")).toMatch(
      /zosmfHa\.hostname .* is 72 characters; .* at most 64/,
    );
    expect(emu.requestLog.submits).toHaveLength(0);
    expect(emu.requestLog.writes).toHaveLength(0);
  });
});
