/**
 * The frame around every console NETSTAT display, and the classification shared by all
 * report parsers: a report, a "not in the sysplex" answer, an error, or something unknown.
 *
 * The frame is EZD0101I (or the older EZZ2500I, or the TSO `MVS TCP/IP NETSTAT` header),
 * the body, `n OF m RECORDS DISPLAYED` and `END OF THE REPORT`. A long display may arrive
 * in several follow-up pieces that the caller joins, so frame lines are removed wherever
 * they appear, not only at the ends.
 */

export type NetstatReportName = "VIPADCFG" | "VDPT" | "VIPADYN" | "PORTLIST" | "HOME" | "CONN";

export interface ConsoleMessage {
  /** Upper case, e.g. `EZZ2502I`. */
  id: string;
  /** The rest of the line. */
  text: string;
}

export interface FrameHeader {
  form: "EZD0101I" | "EZZ2500I" | "TSO";
  /** `V2R5`, upper case. */
  release?: string;
  /** The TCP/IP stack (procedure) name, upper case. */
  proc?: string;
}

export interface Frame {
  /** The first header seen; undefined when there was none. */
  header?: FrameHeader;
  /** How many headers were seen (more than one when follow-up pieces were joined). */
  headerCount: number;
  /** Report lines, frame and message lines removed, blank lines dropped, case preserved. */
  body: string[];
  recordsDisplayed?: number;
  recordsTotal?: number;
  /** `END OF THE REPORT` was seen; false means the display may still be incomplete. */
  ended: boolean;
  messages: ConsoleMessage[];
}

/** Splits on `\r\n`, `\r` or `\n` (z/OSMF uses `\r`; joined pieces may use anything). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const CONSOLE_HEADER_RE = /\b(EZD0101I|EZZ2500I)\s+(?:\d\d[.:]\d\d[.:]\d\d\s+)?NETSTAT\s+CS\s+(V\d+R\d+)(?:\s+(\S+))?/i;
const TSO_HEADER_RE = /\bMVS\s+TCP\/IP\s+NETSTAT\s+CS\s+(V\d+R\d+)(?:\s+TCPIP\s+NAME\s*:\s*(\S+))?/i;
const RECORDS_RE = /^\s*(\d+)\s+OF\s+(\d+)\s+RECORDS?\s+DISPLAYED\b/i;
const END_RE = /^\s*END\s+OF\s+(THE\s+)?REPORT\b/i;

// Only families that can answer a TCP/IP command: a user or job id in a report row
// (`USR0001A`) must not be mistaken for a message.
const MESSAGE_RE = /^[*+@]?\s*((?:EZ[ABDYZ]|IEE|IEF|IEA|IST|CNZ|IZU|IKJ|BPX|IRR|ICH|IXC)[A-Z]?\d{3,5}[IEWAD])(?=\s|$)\s*(.*)$/i;

/** A message line (`EZZ2502I ...`) or null. */
export function parseMessageLine(line: string): ConsoleMessage | null {
  const m = line.trim().match(MESSAGE_RE);
  return m ? { id: m[1].toUpperCase(), text: m[2].trim() } : null;
}

export function parseFrame(text: string): Frame {
  const frame: Frame = { headerCount: 0, body: [], ended: false, messages: [] };
  for (const line of splitLines(text)) {
    if (line.trim() === "") continue;
    const console = line.match(CONSOLE_HEADER_RE);
    const tso = console ? null : line.match(TSO_HEADER_RE);
    if (console || tso) {
      frame.headerCount++;
      frame.header ??= console
        ? { form: console[1].toUpperCase() as "EZD0101I" | "EZZ2500I", release: console[2].toUpperCase(), proc: console[3]?.toUpperCase() }
        : { form: "TSO", release: tso![1].toUpperCase(), proc: tso![2]?.toUpperCase() };
      continue;
    }
    const records = line.match(RECORDS_RE);
    if (records) {
      // A later count (from the last piece) describes the whole display.
      frame.recordsDisplayed = Number.parseInt(records[1], 10);
      frame.recordsTotal = Number.parseInt(records[2], 10);
      continue;
    }
    if (END_RE.test(line)) {
      frame.ended = true;
      continue;
    }
    const message = parseMessageLine(line);
    if (message) {
      frame.messages.push(message);
      continue;
    }
    frame.body.push(line);
  }
  return frame;
}

/** First non-blank lines of a response, for reporting something not understood. */
export function firstLines(text: string, count = 5): string[] {
  return splitLines(text)
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .slice(0, count);
}

// ---------------------------------------------------------------------------
// Classification shared by all reports.

/** Headings that identify each report; used to notice a response for a different report. */
export const REPORT_MARKERS: Readonly<Record<NetstatReportName | "VCRT", RegExp>> = {
  VIPADCFG: /^\s*(DEACTIVATED\s+)?DYNAMIC\s+VIPA\s+INFORMATION\s*:?\s*$/i,
  VDPT: /DESTINATION\s+PORT\s+TABLE/i,
  VIPADYN: /^\s*DYNAMIC\s+VIPA\s*:?\s*$/i,
  VCRT: /CONNECTION\s+ROUTING\s+TABLE/i,
  PORTLIST: /^\s*PORT#?\s+PROT\b/i,
  HOME: /^\s*HOME\s+ADDRESS\s+LIST\s*:?\s*$/i,
  CONN: /^\s*USER\s*ID\s+CONN\b/i,
};

/** The stack is not in the sysplex group (or its DVIPA configuration is inactive). */
export const NOT_IN_SYSPLEX_IDS: ReadonlySet<string> = new Set(["EZZ2502I", "EZZ2503I", "EZZ8269I"]);

// Command routing and authority rejections, and TCP/IP command failures such as an unknown
// or inactive stack procedure (EZZ0xxx). IEE305I/IEE341I are general MVS command failures.
const ERROR_IDS: ReadonlySet<string> = new Set(["IEE618I", "IEE345I", "IEE305I", "IEE341I"]);

export function isErrorMessage(id: string): boolean {
  return ERROR_IDS.has(id) || /^EZZ0\d{3}[A-Z]$/.test(id);
}

/** Frame facts kept with a parsed report, so the caller can see truncation or a missing end. */
export type FrameInfo = Omit<Frame, "body">;

export interface NetstatOk<R extends NetstatReportName, T> {
  kind: "ok";
  report: R;
  data: T;
  frame: FrameInfo;
}

export interface NetstatNotInSysplex<R extends NetstatReportName, T> {
  kind: "not-in-sysplex";
  report: R;
  /** EZZ2503I: every DVIPA definition on this stack is inactive. */
  allDvipaInactive: boolean;
  messages: ConsoleMessage[];
  /** The report that followed the messages, if any (VIPADCFG still lists the inactive configuration). */
  data?: T;
  frame: FrameInfo;
}

export interface NetstatError {
  kind: "error";
  messageId: string;
  text: string;
  messages: ConsoleMessage[];
}

export interface NetstatUnrecognised {
  kind: "unrecognised";
  firstLines: string[];
}

export type NetstatResult<R extends NetstatReportName, T> =
  NetstatOk<R, T> | NetstatNotInSysplex<R, T> | NetstatError | NetstatUnrecognised;

/** What a report parser gives the classifier. */
export interface ReportParser<T> {
  parseBody(lines: string[]): T;
  /** Number of entries understood; a body with none and no heading is not taken for a report. */
  size(data: T): number;
}

/**
 * Frames, classifies and parses one response. A response is read as the report only when
 * its heading is there, or it has a NETSTAT header and entries or nothing at all in the
 * body; anything else is `unrecognised`, never an empty healthy report.
 */
export function classifyNetstat<R extends NetstatReportName, T>(report: R, text: string, parser: ReportParser<T>): NetstatResult<R, T> {
  const frame = parseFrame(text ?? "");
  const { body, ...info } = frame;
  if (frame.headerCount === 0 && body.length === 0 && frame.messages.length === 0) {
    return { kind: "unrecognised", firstLines: firstLines(text ?? "") };
  }
  const ownMarker = body.some((l) => REPORT_MARKERS[report].test(l));
  const otherMarker = (Object.keys(REPORT_MARKERS) as (keyof typeof REPORT_MARKERS)[]).some(
    (r) => r !== report && body.some((l) => REPORT_MARKERS[r].test(l)),
  );
  const data = parser.parseBody(body);
  const size = parser.size(data);

  const error = frame.messages.find((m) => isErrorMessage(m.id));
  if (error && !ownMarker && size === 0) {
    return { kind: "error", messageId: error.id, text: error.text, messages: frame.messages };
  }

  const looksLikeReport = ownMarker || (!otherMarker && size > 0) || (frame.headerCount > 0 && !otherMarker && body.length === 0);

  const sysplex = frame.messages.filter((m) => NOT_IN_SYSPLEX_IDS.has(m.id));
  if (sysplex.length > 0) {
    return {
      kind: "not-in-sysplex",
      report,
      allDvipaInactive: sysplex.some((m) => m.id === "EZZ2503I"),
      messages: frame.messages,
      ...(looksLikeReport && (ownMarker || size > 0) ? { data } : {}),
      frame: info,
    };
  }
  if (!looksLikeReport) return { kind: "unrecognised", firstLines: firstLines(text) };
  return { kind: "ok", report, data, frame: info };
}
