import type { Topology } from "../topology";

/** IP addresses as TCP/IP prints them and as a topology spells them: the same when equal ignoring case. */
export function sameAddress(a: string | null | undefined, b: string): boolean {
  return (a ?? "").toUpperCase() === b.toUpperCase();
}

/** The OPTLOC setting of a VIPADISTRIBUTE entry in words; null when the display does not show it. */
export function optLocText(value: number | false | null): string {
  return value === null ? "OPTLOC not shown" : value === false ? "NOOPTLOCAL" : `OPTLOCAL ${value}`;
}

/** Names a DESTIP by the system whose dynamic XCF address it is, or as `XCF <address>` when none is. */
export type XcfNamer = (xcf: string | null) => string;

export function xcfNamer(t: Topology): XcfNamer {
  const byXcf = new Map(t.systems.map((s) => [s.tcpip.dynamicXcf.address.toUpperCase(), s.name]));
  return (xcf) => (xcf && byXcf.get(xcf.toUpperCase())) ?? `XCF ${xcf ?? "(none)"}`;
}
