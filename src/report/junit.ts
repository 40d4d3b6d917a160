import type { Check, VerifyResult } from "../verify";

export interface JunitOptions {
  /** Degraded checks count as failures only when the pipeline fails on them. @default "failed" */
  readonly failOn?: "failed" | "degraded";
}

/** Text safe in XML content and attributes; characters XML 1.0 cannot carry are dropped. */
export function escapeXml(value: string): string {
  return value
    // eslint-disable-next-line no-control-regex
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function detail(c: Check): string {
  return `expected: ${c.expected}\nfound: ${c.found}${c.reason ? `\nreason: ${c.reason}` : ""}`;
}

function testcase(c: Check, failOn: "failed" | "degraded"): string {
  const open = `    <testcase name="${escapeXml(`${c.id}: ${c.title}`)}" classname="${escapeXml(c.system)}">`;
  const counts = c.verdict === "failed" || (c.verdict === "degraded" && failOn === "degraded");
  if (counts) {
    return `${open}\n      <failure message="${escapeXml(c.reason ?? c.found)}" type="${c.verdict}">${escapeXml(detail(c))}</failure>\n    </testcase>`;
  }
  if (c.verdict === "degraded") return `${open}\n      <system-out>${escapeXml(`DEGRADED: ${c.reason ?? ""}\n${detail(c)}`)}</system-out>\n    </testcase>`;
  return `${open}</testcase>`;
}

/** One test case per check, the system as its class, for CI systems that read JUnit. */
export function renderJunit(result: VerifyResult, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? "failed";
  const failures = result.checks.filter((c) => c.verdict === "failed" || (c.verdict === "degraded" && failOn === "degraded")).length;
  const seconds = (result.durationMs / 1000).toFixed(3);
  const name = escapeXml(`zowe ha verify ${result.sysplex}`);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="${name}" tests="${result.checks.length}" failures="${failures}" errors="0" time="${seconds}">`,
    `  <testsuite name="${name}" tests="${result.checks.length}" failures="${failures}" errors="0" skipped="0" time="${seconds}">`,
    ...result.checks.map((c) => testcase(c, failOn)),
    `  </testsuite>`,
    `</testsuites>`,
    "",
  ].join("\n");
}
