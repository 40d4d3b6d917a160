import { parseNetstat, type NetstatReportName, type NetstatReports } from "../parsers";

/** `n OF m RECORDS DISPLAYED` with n < m: MAX cut the display short, so absence proves nothing. */
export interface Truncation {
  readonly shown: number;
  readonly total: number;
}

/** EZZ2502I/EZZ2503I before the report: the stack is not in the sysplex group. */
export interface NotInSysplex {
  readonly ids: readonly string[];
  /** `id text; id text`, for a person. */
  readonly message: string;
}

/**
 * One NETSTAT answer as provision and verify both read it. Anything not understood is
 * `unrecognised` with its first lines, so an odd answer never passes for an empty report.
 */
export type StackDisplay<R extends NetstatReportName> =
  | { readonly state: "ok"; readonly data: NetstatReports[R]; readonly notInSysplex?: NotInSysplex; readonly truncated?: Truncation }
  | { readonly state: "not-in-sysplex"; readonly notInSysplex: NotInSysplex }
  | { readonly state: "refused"; readonly messageId: string; readonly text: string }
  | { readonly state: "unrecognised"; readonly firstLines: readonly string[] };

export function readDisplay<R extends NetstatReportName>(report: R, text: string): StackDisplay<R> {
  const parsed = parseNetstat(report, text);
  switch (parsed.kind) {
    case "ok": {
      const { recordsDisplayed: shown, recordsTotal: total } = parsed.frame;
      const cut = shown !== undefined && total !== undefined && shown < total;
      return { state: "ok", data: parsed.data, ...(cut ? { truncated: { shown, total } } : {}) };
    }
    case "not-in-sysplex": {
      const notInSysplex = { ids: parsed.messages.map((m) => m.id), message: parsed.messages.map((m) => `${m.id} ${m.text}`).join("; ") };
      return parsed.data !== undefined ? { state: "ok", data: parsed.data, notInSysplex } : { state: "not-in-sysplex", notInSysplex };
    }
    case "error":
      return { state: "refused", messageId: parsed.messageId, text: parsed.text };
    case "unrecognised":
      return { state: "unrecognised", firstLines: parsed.firstLines };
  }
}
