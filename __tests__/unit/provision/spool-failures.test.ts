/**
 * The default job judge reads failures by message id only: the ids the emulator's JES and
 * programs print for a JCL error, an abend, a missing module or data set, and a RACF refusal
 * are failures; English words without an id are not.
 */
import { describe, expect, it } from "vitest";
import { jesTexts } from "../../../emulator/zosmf-forms";
import { defaultSpoolFailures } from "../../../src/provision/ops/submit-once";

const spool = (...lines: string[]) => [{ ddname: "JESYSMSG", stepname: "", text: lines.join("\n") }];

describe("failures on the spool, by message id", () => {
  it.each([
    jesTexts.jobNotRun("IZUSECJ"),
    jesTexts.procNotFound("IZUPROC"),
    jesTexts.moduleNotFound("IKJEFT01"),
    " IEF450I IZUSECJ STEP1 - ABEND=S806 U0000 REASON=00000004",
    " IEF472I IZUSECJ STEP1 - COMPLETION CODE - SYSTEM=806 USER=0000 REASON=00000004",
    " IEA995I SYMPTOM DUMP OUTPUT: SYSTEM COMPLETION CODE=0C4",
    " IEF212I ZWE.CACHE.VSAM - DATA SET NOT FOUND",
    "ICH408I USER(IBMUSER ) GROUP(SYS1    ) NAME(###) IRR.DIGTCERT.LIST CL(FACILITY)",
  ])("%s is a failure", (line) => {
    expect(defaultSpoolFailures(spool(line))).toEqual([`JESYSMSG: ${line.trim()}`]);
  });

  it.each([
    "THE USER IS NOT AUTHORIZED TO THE DATA SET",
    "INSUFFICIENT AUTHORITY FOR THIS REQUEST",
    "NO ABEND OCCURRED",
    "WARNING: DATA SET NOT FOUND IN THE CACHE, DEFINING IT",
    "        IEFC653I SUBSTITUTION JCL - DSN=ZWE.CACHE.VSAM",
    " IEF142I IZUSECJ STEP1 - STEP WAS EXECUTED - COND CODE 0000",
  ])("%s is not a failure (no failure id)", (line) => {
    expect(defaultSpoolFailures(spool(line))).toEqual([]);
  });
});
