/** ROUTE (RO) prefixes: `RO SYSB,cmd`, `RO (SYSA,SYSB),cmd`, `RO *ALL,cmd`, `RO *OTHER,cmd`. */

export interface Routed {
  /** Systems named by the route, or null when the command had no route prefix. */
  targets: string[] | null;
  /** "*ALL" / "*OTHER" when a group was named. */
  group?: "*ALL" | "*OTHER";
  command: string;
}

export function parseRoute(cmd: string): Routed {
  const m = /^\s*(?:RO|ROUTE)\s+(\([^)]*\)|[^,\s]+)\s*,\s*(.*)$/is.exec(cmd);
  if (!m) return { targets: null, command: cmd.trim() };
  const spec = m[1].toUpperCase();
  const command = m[2].trim();
  if (spec === "*ALL" || spec === "*OTHER") return { targets: [], group: spec, command };
  const targets = spec
    .replace(/^\(|\)$/g, "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return { targets, command };
}

/** `defcn` stands for the user id (first 6 characters) + "CN" (§3.1). */
export function consoleNameFor(name: string, user: string): string {
  return name.toLowerCase() === "defcn" ? `${user.slice(0, 6)}CN` : name.toUpperCase();
}

export function isValidConsoleName(name: string): boolean {
  return name.toLowerCase() === "defcn" || /^[A-Za-z@#$][A-Za-z0-9@#$]{1,7}$/.test(name);
}
