/** NETSTAT CONN / ALLCONN: the listener view (no client connections are modelled). */
import type { TcpipStack } from "../../state";
import type { Report } from "./frame";

export function connReport(stack: TcpipStack, opts: { port?: number }): Report {
  const records = stack.listeners
    .filter((l) => opts.port === undefined || l.port === opts.port)
    .map((l) => [
      `${l.jobName.padEnd(8)} ${(l.connId ?? 0).toString(16).toUpperCase().padStart(8, "0")} LISTEN`,
      `  LOCAL SOCKET:   ${l.address}..${l.port}`,
      "  FOREIGN SOCKET: 0.0.0.0..0",
    ]);
  return { heading: ["USER ID  CONN     STATE"], records, countRecords: true };
}
