/**
 * Where new members start from and what names reach z/OS: the IZUPRM00 sample in SAMPLIB,
 * SYSAFF from the JES2 member name, and host names too long for a line.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import { HaError } from "../../../src/errors";
import type { ZosmfClient } from "../../../src/zosmf";
import { plan, startEmulator, topology } from "./helpers";

let emu: Emulator;
let client: ZosmfClient;

beforeEach(async () => {
  ({ emu, client } = await startEmulator());
});
afterEach(async () => {
  client.close();
  await emu.stop();
});

async function planError(t: ReturnType<typeof topology>): Promise<HaError> {
  try {
    await plan(client, t);
  } catch (e) {
    return e as HaError;
  }
  throw new Error("the plan did not fail");
}

/** The site's own security job, so that only the plug-in's IZUPRMxx handling meets the host name. */
const withHostname = (name: string) => (y: string) =>
  y.replace("  dvipa: 192.0.2.10\n", `  dvipa: 192.0.2.10\n  hostname: ${name}\n  security: { member: SITE.JCL(IZUSEC) }\n`);

function siteSecurityJob(): void {
  emu.state.datasets["SITE.JCL"] = {
    ...(emu.state.datasets["SYS1.PROCLIB"] as PdsDataset),
    name: "SITE.JCL",
    members: {
      IZUSEC: {
        content: "//IZUSEC   JOB (ACCT),'SITE',CLASS=A\n//STEP1    EXEC PGM=IEFBR14\n",
        etag: "0001",
        user: "IBMUSER",
        changed: "2025-01-01T00:00:00Z",
      },
    },
  };
}

describe("a new IZUPRMxx member", () => {
  it("starts from SYS1.SAMPLIB(IZUPRM00), not from PARMLIB's IZUPRM00", async () => {
    const steps = await plan(client, topology());
    const parmlib = steps.find((s) => s.id === "zosmf-ha/parmlib/SYSA")!;
    expect(parmlib.observed).toContain("SYS1.SAMPLIB(IZUPRM00)");
    const diff = parmlib.changes[0]!.kind === "member" ? parmlib.changes[0]!.diff : "";
    expect(diff).toContain("IBM-supplied sample");
    expect(diff).not.toContain("settings of this installation");
  });

  it("is refused at plan time, naming datasets.samplib, when the sample is missing", async () => {
    delete (emu.state.datasets["SYS1.SAMPLIB"] as PdsDataset).members.IZUPRM00;
    const writes = emu.requestLog.writes.length;
    const error = await planError(topology());
    expect(error.failureClass).toBe("invalid-input");
    // Both systems' members are refused together, each naming the sample and the field.
    const said = [error.message, ...error.details].join(" ");
    expect(said).toContain("SYS1.SAMPLIB(IZUPRM00)");
    expect(said).toContain("datasets.samplib");
    expect(emu.requestLog.writes.length).toBe(writes);
  });
});

describe("SYSAFF", () => {
  it("names the JES2 member from systems[].jes2Member, not the system name", async () => {
    const t = topology("two-system.yaml", (y) =>
      y.replace("    hostname: sysa.example.com", "    hostname: sysa.example.com\n    jes2Member: JESA"),
    );
    const steps = await plan(client, t);
    const jcl = (id: string) => steps.find((s) => s.id === id)!.changes.flatMap((c) => (c.kind === "job" ? [c.jcl] : []))[0]!;
    expect(jcl("zosmf-ha/filesystem/SYSA")).toContain("/*JOBPARM SYSAFF=JESA\n");
    expect(jcl("zosmf-ha/filesystem/SYSB")).toContain("/*JOBPARM SYSAFF=SYSB\n");
  });
});

describe("long host names", () => {
  beforeEach(siteSecurityJob);
  it("a 62-character host name is written on a line of its own and every line stays within column 71", async () => {
    const host = `${"h".repeat(50)}.example.com`;
    const steps = await plan(client, topology("two-system.yaml", withHostname(host)));
    const parmlib = steps.find((s) => s.id === "zosmf-ha/parmlib/SYSA")!;
    const diff = parmlib.changes[0]!.kind === "member" ? parmlib.changes[0]!.diff : "";
    expect(diff).toContain(`+HOSTNAME(\n+'${host}'\n+)`);
    for (const line of diff.split("\n").filter((l) => l.startsWith("+") && !l.startsWith("+++")))
      expect(line.length - 1).toBeLessThanOrEqual(71);
  });

  it.each([
    ["a 63-character label", `${"a".repeat(63)}.example.com`],
    ["200 characters", `${Array.from({ length: 4 }, () => "b".repeat(49)).join(".")}`],
  ])("a host name of %s is refused at plan time naming zosmfHa.hostname, nothing sent", async (_what, host) => {
    const before = { writes: emu.requestLog.writes.length, submits: emu.requestLog.submits.length };
    const error = await planError(topology("two-system.yaml", withHostname(host)));
    expect(error.failureClass).toBe("invalid-input");
    expect(`${error.message} ${error.details.join(" ")}`).toContain("zosmfHa.hostname");
    expect(emu.requestLog.writes.length).toBe(before.writes);
    expect(emu.requestLog.submits.length).toBe(before.submits);
  });
});
