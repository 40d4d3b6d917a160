import { afterEach, describe, expect, it } from "vitest";
import { start, type Emulator } from "../../../emulator";
import type { PdsDataset } from "../../../emulator/state";
import type { Change, PlannedStep } from "../../../src/engine/types";
import { createZosmfClient, type ZosmfClient } from "../../../src/zosmf";
import { apply, plan, topology } from "../provision/helpers";

let emu: Emulator | undefined;
afterEach(async () => {
  await emu?.stop();
  emu = undefined;
});

type MemberChange = Extract<Change, { kind: "member" }>;

/** A plex whose client calls `after` once each exchange has ended (the moment between two requests). */
async function plexWithHook(after: (method: string, path: string) => void): Promise<{ e: Emulator; client: ZosmfClient }> {
  const e = await start({ tls: false, port: 0, systems: ["SYSA", "SYSB"], jobTiming: { inputMs: 5, activeMs: 20 } });
  emu = e;
  const url = new URL(e.url);
  const client = createZosmfClient(
    { hostname: url.hostname, port: Number(url.port), protocol: "http", user: e.user, password: e.password, retry: { attempts: 1 } },
    { onRequest: (ev) => after(ev.method, decodeURIComponent(ev.path)) },
  );
  return { e, client };
}

function newMemberOf(steps: PlannedStep[], id: string): MemberChange {
  const change = steps.find((s) => s.id === id)!.changes.find((c): c is MemberChange => c.kind === "member" && c.action === "create");
  expect(change).toBeDefined();
  return change!;
}

function someoneCreates(e: Emulator, c: MemberChange): void {
  (e.state.datasets[c.dsn] as PdsDataset).members[c.member] = {
    content: "SOMEONE ELSE'S MEMBER",
    etag: "E-THEIRS",
    user: "OTHERU",
    changed: new Date().toISOString(),
  };
}

describe("a new member someone else creates between the plan and the write", () => {
  it("is a conflict (exit class 2), its content untouched and not recorded as the run's, even inside the last moment before the copy", async () => {
    const race: { target?: MemberChange } = {};
    const { e, client } = await plexWithHook((method, path) => {
      // The text is staged in the backup library; the member appears right after, before the copy.
      if (race.target && method === "PUT" && path.includes("HA.BACKUP(N")) someoneCreates(e, race.target);
    });
    e.state.datasets["HA.BACKUP"] = {
      name: "HA.BACKUP",
      dsorg: "PO",
      volser: "VOL001",
      created: "",
      recfm: "FB",
      lrecl: 80,
      blksize: 6160,
      members: {},
    };
    const steps = await plan(client, topology());
    const target = (race.target = newMemberOf(steps, "zosmf-ha/parmlib/SYSA"));
    const { outcomes, recorder } = await apply(steps);
    const outcome = outcomes.find((o) => o.id === "zosmf-ha/parmlib/SYSA")!;
    expect(outcome.state).toBe("failed");
    expect(outcome.error?.failureClass).toBe("zos-failure");
    expect(outcome.error?.message).toContain(`${target.dsn}(${target.member}) was created by someone else`);
    expect((e.state.datasets[target.dsn] as PdsDataset).members[target.member]!.content).toBe("SOMEONE ELSE'S MEMBER");
    const recorded = recorder.backups.map((b) => (b.target.kind === "member" ? `${b.target.dsn}(${b.target.member})` : b.target.path));
    expect(recorded).not.toContain(`${target.dsn}(${target.member})`);
    await client.close();
  });

  it("without a backup library, a write z/OSMF answers as a replace is a conflict and not recorded as the run's", async () => {
    const race: { target?: MemberChange } = {};
    const { e, client } = await plexWithHook((method, path) => {
      // The re-read found it absent; it appears before the write.
      const t = race.target;
      if (t && method === "GET" && path.endsWith(`${t.dsn}(${t.member})`)) someoneCreates(e, t);
    });
    const steps = await plan(client, topology());
    const target = (race.target = newMemberOf(steps, "zosmf-ha/parmlib/SYSA"));
    const { outcomes, recorder } = await apply(steps);
    const outcome = outcomes.find((o) => o.id === "zosmf-ha/parmlib/SYSA")!;
    expect(outcome.state).toBe("failed");
    expect(outcome.error?.failureClass).toBe("zos-failure");
    expect(outcome.error?.message).toContain("was created by someone else");
    const recorded = recorder.backups.map((b) => (b.target.kind === "member" ? `${b.target.dsn}(${b.target.member})` : b.target.path));
    expect(recorded).not.toContain(`${target.dsn}(${target.member})`);
    await client.close();
  });
});
