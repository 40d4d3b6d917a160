import { describe, expect, it } from "vitest";
import { executePlan } from "../../../src/engine/execute";
import { isDisplayCommand, SentLog } from "../../../src/engine/sent";
import type { ApplyContext, PlannedStep, RunRecorder, StepResult } from "../../../src/engine/types";
import { HaError } from "../../../src/errors";

const recorder: RunRecorder = { backup: async () => undefined, job: () => undefined, command: () => undefined, write: () => undefined };

function step(id: string, apply: (ctx: ApplyContext) => Promise<StepResult>, dependsOn: string[] = []): PlannedStep {
  return { id, workflow: "test", title: id, dependsOn, observed: "", changes: [], apply };
}

const member = { kind: "member" as const, dsn: "SYS1.PARMLIB", member: "IZUPRM0A" };

describe("what a run sent to z/OS", () => {
  it("counts nothing for reads: display commands and backups kept only in the record", async () => {
    const sent = new SentLog();
    await executePlan(
      [
        step("look", async (ctx) => {
          await ctx.record.command({ stepId: "look", system: "SYSA", command: "D TCPIP,TCPIP,N,VIPADCFG", response: [] });
          await ctx.record.command({ stepId: "look", system: "SYSA", command: "DISPLAY A,IZUSVRA", response: [] });
          await ctx.record.backup({ stepId: "look", target: member, original: null, etag: null });
          return { state: "unchanged" };
        }),
      ],
      { recorder, sent },
    );
    expect(sent.any).toBe(false);
  });

  it("counts writes, created data sets, submitted jobs, other commands and copies on z/OS, once each", async () => {
    const sent = new SentLog();
    await executePlan(
      [
        step("write", async (ctx) => {
          await ctx.record.backup({ stepId: "write", target: member, original: "OLD", etag: "E1", zosCopy: "HA.BACKUP(B1234567)" });
          await ctx.record.write({ stepId: "write", target: member, etagBefore: "E1", etagAfter: "E2" });
          await ctx.record.dataset?.({
            stepId: "write",
            dsn: "TCPIP.HA.OBEY",
            attributes: { dsorg: "PO", recfm: "FB", lrecl: 80, blksize: 27920, alcunit: "TRK", primary: 5, secondary: 5 },
          });
          return { state: "changed" };
        }),
        step("job", async (ctx) => {
          await ctx.record.job({ stepId: "job", jobname: "IZUMKF0A", jobid: "JOB00002", token: "T", retcode: null, maxRc: 0 });
          await ctx.record.job({ stepId: "job", jobname: "IZUMKF0A", jobid: "JOB00002", token: "T", retcode: "CC 0000", maxRc: 0 });
          await ctx.record.command({ stepId: "job", system: "SYSB", command: "S IZUSVRB", response: [] });
          return { state: "changed" };
        }),
      ],
      { recorder, sent, concurrency: 1 },
    );
    expect(sent.any).toBe(true);
    expect(sent.entries.map((e) => `${e.stepId} ${e.kind}: ${e.what}`)).toEqual([
      "write backup-copy: copy of SYS1.PARMLIB(IZUPRM0A) kept in HA.BACKUP(B1234567)",
      "write member: SYS1.PARMLIB(IZUPRM0A) written",
      "write dataset: data set TCPIP.HA.OBEY created",
      "job job: job IZUMKF0A(JOB00002)",
      "job command: S IZUSVRB on SYSB",
    ]);
  });

  it("still passes every entry on to the run record", async () => {
    const seen: string[] = [];
    const inner: RunRecorder = {
      backup: async () => void seen.push("backup"),
      job: () => void seen.push("job"),
      command: () => void seen.push("command"),
      write: () => void seen.push("write"),
      dataset: () => void seen.push("dataset"),
    };
    await executePlan(
      [
        step("s", async (ctx) => {
          await ctx.record.backup({ stepId: "s", target: member, original: null, etag: null });
          await ctx.record.write({ stepId: "s", target: member, etagBefore: null, etagAfter: "E1" });
          await ctx.record.dataset?.({
            stepId: "s",
            dsn: "HA.BACKUP",
            attributes: { dsorg: "PO", recfm: "FB", lrecl: 80, blksize: 27920, alcunit: "TRK", primary: 15, secondary: 15 },
          });
          await ctx.record.job({ stepId: "s", jobname: "J", jobid: "JOB1", token: "T", retcode: null, maxRc: 0 });
          await ctx.record.command({ stepId: "s", system: "SYSA", command: "D A,L", response: [] });
          return { state: "changed" };
        }),
      ],
      { recorder: inner },
    );
    expect(seen).toEqual(["backup", "write", "dataset", "job", "command"]);
  });

  it("tells a later step whether an earlier one already changed something", async () => {
    const seenByRefusal: boolean[] = [];
    await executePlan(
      [
        step("first", async (ctx) => {
          await ctx.record.write({ stepId: "first", target: member, etagBefore: null, etagAfter: "E1" });
          return { state: "changed" };
        }),
        step(
          "second",
          async (ctx) => {
            seenByRefusal.push(ctx.sent?.any ?? false);
            throw new HaError("refused", { failureClass: "invalid-input" });
          },
          ["first"],
        ),
      ],
      { recorder },
    );
    expect(seenByRefusal).toEqual([true]);
  });
});

describe("which commands only display", () => {
  it("takes the displays the tool issues, alone or routed, for displays", () => {
    const displays = [
      "D T",
      "D A,IZUSVR*",
      "D TCPIP,,NETSTAT,HOME",
      "D TCPIP,TCPIP,NETSTAT,PORTLIST,PORT=443",
      "$D MEMBER",
      "RVARY LIST",
      "RO *ALL,D OMVS,O",
      "RO SYSA,D T",
    ];
    expect(displays.filter((c) => !isDisplayCommand(c))).toEqual([]);
  });

  it("refuses a display followed by another command on the same line, or carrying characters no display needs", () => {
    const hidden = [
      "D T;P X",
      "$DA;$PJ1",
      "RO *ALL,D T;V TCPIP,,STOP",
      "D T\rP X",
      "D A,L&X",
      "D T|P X",
      "RO *ALL,P X",
      "RO SYSA,RO SYSB,D T",
    ];
    expect(hidden.filter(isDisplayCommand)).toEqual([]);
  });

  it("counts a command with a second one hidden behind a delimiter as sent", async () => {
    const sent = new SentLog();
    await executePlan(
      [
        step("look", async (ctx) => {
          await ctx.record.command({ stepId: "look", system: "SYSA", command: "D T;P X", response: [] });
          return { state: "unchanged" };
        }),
      ],
      { recorder, sent },
    );
    expect(sent.any).toBe(true);
  });
});
