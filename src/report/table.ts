/**
 * A plain text table: columns padded to the widest cell. `paint` may colour a body cell
 * (a terminal only); widths are measured on the plain text, so columns stay aligned.
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  paint: (cell: string, column: number) => string = (c) => c,
): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[], body: boolean) =>
    cells
      .map((c = "", i) => (body ? paint(c, i) : c) + " ".repeat(widths[i]! - c.length))
      .join("  ")
      .trimEnd();
  return [
    line(headers, false),
    line(
      widths.map((w) => "-".repeat(w)),
      false,
    ),
    ...rows.map((r) => line(r, true)),
  ].join("\n");
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
