import type { Check, VerifyResult } from "../verify";

export interface JunitOptions {
  /** Degraded checks count as failures only when the pipeline fails on them. @default "failed" */
  readonly failOn?: "failed" | "degraded";
}

/** Text safe in XML content and attributes; characters XML 1.0 cannot carry are dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type Outcome = "pass" | "failure" | "error" | "skipped" | "degraded";

/** A check verify could not run is an error; a failed check a failure; a check of a down system is skipped. */
function outcome(c: Check, failOn: "failed" | "degraded"): Outcome {
  if (c.notRun) return "error";
  if (c.verdict === "not-applicable") return "skipped";
  if (c.verdict === "failed" || (c.verdict === "degraded" && failOn === "degraded")) return "failure";
  return c.verdict === "degraded" ? "degraded" : "pass";
}

function detail(c: Check): string {
  return `expected: ${c.expected}\nfound: ${c.found}${c.reason ? `\nreason: ${c.reason}` : ""}`;
}

function testcase(sysplex: string, c: Check, o: Outcome): string {
  const classname = c.system === undefined ? sysplex : `${sysplex}.${c.system}`;
  // Checks are judged together from one read of the sysplex; none has a duration of its own.
  const open = `    <testcase name="${escapeXml(`${c.id}: ${c.title}`)}" classname="${escapeXml(classname)}" time="0.000">`;
  const message = escapeXml(c.reason ?? c.found);
  switch (o) {
    case "error":
      return `${open}\n      <error message="${message}" type="not-run">${escapeXml(detail(c))}</error>\n    </testcase>`;
    case "failure":
      return `${open}\n      <failure message="${message}" type="${c.verdict}">${escapeXml(detail(c))}</failure>\n    </testcase>`;
    case "skipped":
      return `${open}\n      <skipped message="${escapeXml(c.found)}"/>\n    </testcase>`;
    case "degraded":
      return `${open}\n      <system-out>${escapeXml(`DEGRADED: ${c.reason ?? ""}\n${detail(c)}`)}</system-out>\n    </testcase>`;
    case "pass":
      return `${open}</testcase>`;
  }
}

export function junitDocument(name: string, seconds: string, cases: readonly { xml: string; o: Outcome }[]): string {
  const count = (o: Outcome) => cases.filter((c) => c.o === o).length;
  const counts = `tests="${cases.length}" failures="${count("failure")}" errors="${count("error")}"`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${name}" ${counts} time="${seconds}">`,
    `  <testsuite name="${name}" ${counts} skipped="${count("skipped")}" time="${seconds}">`,
    ...cases.map((c) => c.xml),
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}

/** One test case per check, `<sysplex>.<system>` as its class, for CI systems that read JUnit. */
export function renderJunit(result: VerifyResult, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? "failed";
  const cases = result.checks.map((c) => {
    const o = outcome(c, failOn);
    return { xml: testcase(result.sysplex, c, o), o };
  });
  return junitDocument(escapeXml(`zowe ha verify ${result.sysplex}`), (result.durationMs / 1000).toFixed(3), cases);
}

/** The report of a verify that could not start (an invalid topology): one test case in error. */
export function renderJunitError(name: string, message: string, details: readonly string[] = []): string {
  // The lines that say what is wrong (each topology problem) go in the body, where a dashboard shows them.
  const body = [message, ...details].join("\n");
  const xml = `    <testcase name="verify.start: verify could run" classname="${escapeXml(name)}" time="0.000">\n      <error message="${escapeXml(message)}" type="not-run">${escapeXml(body)}</error>\n    </testcase>`;
  return junitDocument(escapeXml(`zowe ha verify ${name}`), "0.000", [{ xml, o: "error" }]);
}
