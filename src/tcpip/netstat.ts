import type { NetstatReportName } from "../parsers";
import { consoleOperand } from "../templates/escape";

/*
 * The NETSTAT displays of one TCP/IP stack (zosmf-facts §5.3): how the command is built and
 * when its console answer is whole. Provision's confirmations and verify's reads share these.
 */

/**
 * A display with modifiers or filters (`VIPADCFG,DETAIL`, `PORTLIST,PORT=9443`). The words
 * after NETSTAT also name the read, so a plain query and a filtered one never share an answer.
 */
export interface NetstatQuery<R extends NetstatReportName = NetstatReportName> {
  readonly report: R;
  /** The report word issued when it is not the parser's name: ALLCONN is read as CONN. */
  readonly word?: string;
  readonly options?: readonly string[];
}

/** `VIPADCFG,DETAIL`: the report word and its modifiers as the command carries them. */
export function netstatWords(query: NetstatQuery): string {
  return [query.word ?? query.report, ...(query.options ?? [])].join(",");
}

/**
 * `D TCPIP,<proc>,NETSTAT,<words>`. The procedure name is checked as a name here, for every
 * caller: a comma or blank in it would add an operand to the command (a refusal sends nothing).
 */
export function netstatCommand(proc: string, query: NetstatQuery): string {
  return `D TCPIP,${consoleOperand(proc, "name")},NETSTAT,${netstatWords(query)}`;
}

/** The header message of a console NETSTAT report, current (EZD0101I) and older (EZZ2500I) format. */
const NETSTAT_HEADER = /\b(EZD0101I|EZZ2500I)\b/;

/**
 * A NETSTAT answer is whole at its END OF THE REPORT trailer. An answer without the report
 * header is a message alone (EZZ2502I, EZZ8269I, IEE341I ...) and is whole as it stands.
 */
export function netstatComplete(text: string): boolean {
  if (/END\s+OF\s+(THE\s+)?REPORT/i.test(text)) return true;
  return text.trim() !== "" && !NETSTAT_HEADER.test(text);
}
