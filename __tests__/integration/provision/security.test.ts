/**
 * The security step on a fresh emulated sysplex: everything IZUSEC defines is created, the
 * servers start and listen (they need the key ring), a second provision lists again and
 * defines nothing, and an existing server certificate without the DVIPA name stops the step.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Emulator } from "../../../emulator";
import { runRacfCommands } from "../../../emulator/programs/racf";
import type { PdsDataset } from "../../../emulator/state";
import { renderPlan } from "../../../src/report/run-text";
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

const RING = "IZUSVR/IZUKeyring.IZUDFLT";

describe("z/OSMF security on a fresh sysplex", () => {
  it("defines the ring with both certificates, the servers listen, and a second run lists again and defines nothing", async () => {
    expect(emu.state.racf.users.IZUSVR).toBeUndefined();
    const t = topology();
    const first = await apply(await plan(client, t, { startServers: true }));
    for (const o of first.outcomes)
      expect(o.state, `${o.id}: ${o.error?.message} ${o.error?.details.join(" | ")}`).not.toMatch(/failed|skipped/);

    const racf = emu.state.racf;
    expect(racf.keyrings[RING]?.certificates).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ label: "DefaultzOSMFCert.IZUDFLT", owner: "IZUSVR", usage: "PERSONAL", default: true }),
        expect.objectContaining({ label: "zOSMFCA", owner: "CERTAUTH", usage: "CERTAUTH" }),
      ]),
    );
    const names = racf.certificates["IZUSVR/DefaultzOSMFCert.IZUDFLT"]?.altNames?.map((a) => a.value);
    expect(names).toEqual(expect.arrayContaining(["192.0.2.10", "sysa.example.com", "sysb.example.com"]));
    expect(racf.certificates["IZUSVR/DefaultzOSMFCert.IZUDFLT"]?.signedBy).toBe("CERTAUTH/zOSMFCA");
    for (const p of ["IZUSVRA.*", "IZUSVRB.*", "IZUANG1.*"]) expect(racf.profiles.STARTED?.[p]?.stdata?.USER).toBe("IZUSVR");
    expect(racf.profiles.FACILITY?.["IRR.DIGTCERT.LISTRING"]?.access.IZUSVR).toBe("READ");
    expect(racf.profiles.SERVER?.["BBG.AUTHMOD.BBGZSAFM.ZOSDUMP"]?.access.IZUSVR).toBe("READ");
    expect(racf.raclisted).toEqual(expect.arrayContaining(["STARTED", "SERVER", "FACILITY", "SERVAUTH", "APPL", "EJBROLE", "ZMFAPLA"]));
    // Both servers listen on the z/OSMF port of their own system.
    for (const sys of ["SYSA", "SYSB"]) {
      const task = Object.values(emu.state.systems[sys]!.tasks).find((x) => x.kind === "zosmf");
      expect(task, sys).toBeDefined();
      expect(emu.state.systems[sys]!.tcpip.listeners.some((l) => l.jobName === task!.jobName && l.port === 443)).toBe(true);
    }

    const before = JSON.stringify(racf);
    const submitsBefore = emu.requestLog.submits.length;
    const again = (await plan(client, t)).filter((s) => s.id === "zosmf-ha/security");
    const second = await apply(again);
    expect(second.outcomes[0]?.state).toBe("unchanged");
    expect(emu.requestLog.submits.slice(submitsBefore).map((s) => s.jobname)).toEqual(["IZUSECL"]);
    expect(JSON.stringify(emu.state.racf)).toBe(before);
  });

  it("reports an existing server certificate whose names lack the DVIPA and system host names, and changes nothing", async () => {
    runRacfCommands(emu.state, emu.user.toUpperCase(), [
      "ADDGROUP IZUADMIN",
      "ADDUSER IZUSVR DFLTGRP(IZUADMIN) NOPASSWORD",
      "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('zOSMFCA')",
      "RACDCERT ID(IZUSVR) GENCERT SUBJECTSDN(CN('old')) ALTNAME(DOMAIN('old.example.com')) WITHLABEL('DefaultzOSMFCert.IZUDFLT') SIGNWITH(CERTAUTH LABEL('zOSMFCA'))",
    ]);
    const before = JSON.stringify(emu.state.racf);
    const steps = (await plan(client, topology())).filter((s) => s.id === "zosmf-ha/security");
    const { outcomes } = await apply(steps);
    expect(outcomes[0]?.state).toBe("failed");
    const text = `${outcomes[0]?.error?.message} ${outcomes[0]?.error?.details.join(" | ")}`;
    expect(text).toMatch(/DefaultzOSMFCert\.IZUDFLT.*lack 192\.0\.2\.10, sysa\.example\.com, sysb\.example\.com/);
    expect(JSON.stringify(emu.state.racf)).toBe(before);
  });

  it("reports a NOTRUST server certificate as the reason the step fails, and changes nothing", async () => {
    const t = topology();
    const first = await apply((await plan(client, t)).filter((s) => s.id === "zosmf-ha/security"));
    expect(first.outcomes[0]?.state).toBe("changed");
    // The emulator does not model RACDCERT ALTER; the state edit stands for ALTER(LABEL(...)) NOTRUST.
    emu.state.racf.certificates["IZUSVR/DefaultzOSMFCert.IZUDFLT"]!.trust = "NOTRUST";
    const before = JSON.stringify(emu.state.racf);
    const { outcomes } = await apply((await plan(client, t)).filter((s) => s.id === "zosmf-ha/security"));
    expect(outcomes[0]?.state).toBe("failed");
    expect(`${outcomes[0]?.error?.message} ${outcomes[0]?.error?.details.join(" | ")}`).toMatch(
      /certificate IZUSVR DefaultzOSMFCert\.IZUDFLT exists but its status is NOTRUST/,
    );
    expect(JSON.stringify(emu.state.racf)).toBe(before);
  });

  it("shows each RACF definition as a line of the dry-run plan", async () => {
    const steps = (await plan(client, topology())).filter((s) => s.id === "zosmf-ha/security");
    const lines = renderPlan(steps.map(({ apply: _apply, ...p }) => p)).split("\n");
    for (const id of [
      "group IZUADMIN",
      "user IZUSVR",
      "STARTED IZUSVRA.*",
      "SERVER BBG.AUTHMOD.BBGZSAFM.ZOSDUMP READ for IZUSVR",
      "FACILITY IRR.DIGTCERT.LISTRING READ for IZUSVR",
      "key ring IZUSVR/IZUKeyring.IZUDFLT",
    ]) {
      expect(lines).toContain(`     - ${id}`);
    }
    expect(lines.find((l) => l.includes("submit job IZUSEC "))).toMatch(/definitions below that the listing finds missing; max RC 4\):$/);
  });

  it("lists again after the site's own IZUSEC job and fails, naming what is still missing, when that job defined nothing", async () => {
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
    const t = topology("two-system.yaml", (y) =>
      y.replace("  dvipa: 192.0.2.10\n", "  dvipa: 192.0.2.10\n  security: { member: SITE.JCL(IZUSEC) }\n"),
    );
    const steps = (await plan(client, t)).filter((s) => s.id === "zosmf-ha/security");
    expect(steps[0]!.changes.filter((c) => c.kind === "job").map((c) => (c.kind === "job" ? c.purpose : ""))[2]).toMatch(
      /list again after SITE\.JCL\(IZUSEC\)/,
    );
    const { outcomes } = await apply(steps);
    expect(outcomes[0]?.state).toBe("failed");
    const text = `${outcomes[0]?.error?.message} ${outcomes[0]?.error?.details.join(" | ")}`;
    expect(text).toMatch(/group IZUADMIN: still missing after SITE\.JCL\(IZUSEC\) \(LISTGRP IZUADMIN: ICH51003I/);
    expect(text).toMatch(/user IZUSVR: still missing after SITE\.JCL\(IZUSEC\) \(LISTUSER IZUSVR: ICH30001I/);
    // The listing, the site's job, the listing again.
    expect(emu.requestLog.submits.map((j) => j.jobname)).toEqual(["IZUSECL", "IZUSEC", "IZUSECL"]);
  });
});
