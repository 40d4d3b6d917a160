/** Data set names in file URLs and dslevel patterns (§2.1, §2.4). */

export interface DsTarget {
  dsn: string;
  member?: string;
  volser?: string;
}

/** `[-(VOL)/]DSN[(MEMBER)]` from the path after `/zosmf/restfiles/ds/`. */
export function parseDsPath(rest: string): DsTarget {
  let text = decodeURIComponent(rest);
  let volser: string | undefined;
  const vol = /^-\(([^)]+)\)\//.exec(text);
  if (vol) {
    volser = vol[1].toUpperCase();
    text = text.slice(vol[0].length);
  }
  const m = /^([^()]+)\(([^()]+)\)$/.exec(text.trim());
  if (m) return { dsn: m[1].toUpperCase(), member: m[2].toUpperCase(), volser };
  return { dsn: text.trim().toUpperCase(), volser };
}

/**
 * dslevel: `*` within a qualifier, `%` one character, `**` any number of qualifiers. A
 * pattern with no wildcard also lists the data sets below it, as ISPF 3.4 does.
 */
export function dslevelMatcher(pattern: string): (dsn: string) => boolean {
  const p = pattern.trim().toUpperCase();
  const qualifiers = p.split(".");
  let re = "";
  qualifiers.forEach((q, i) => {
    if (q === "**") {
      re += i === 0 ? "(?:[^.]+(?:\\.[^.]+)*)?" : "(?:\\.[^.]+)*";
      return;
    }
    const body = q
      .replace(/[+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, "[^.]*")
      .replace(/%/g, "[^.]");
    re += i === 0 ? body : `\\.${body}`;
  });
  const exact = new RegExp(`^${re}$`);
  const hasWildcard = /[*%]/.test(p);
  return (dsn) => exact.test(dsn) || (!hasWildcard && dsn.startsWith(`${p}.`));
}
