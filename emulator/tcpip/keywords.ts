/**
 * Keyword matching with the manuals' abbreviation convention: the upper-case part of
 * `VIPADEFine` is the shortest accepted form, any longer prefix of the full word also
 * matches (§5.1). Matching is case-insensitive.
 */
export function keyword(spec: string): (word: string) => boolean {
  const full = spec.toUpperCase();
  const minLength = spec.replace(/[a-z].*$/, "").length;
  return (word: string) => {
    const w = word.toUpperCase();
    return w.length >= minLength && w.length <= full.length && full.startsWith(w);
  };
}

export function matchesAny(specs: ((w: string) => boolean)[], word: string): boolean {
  return specs.some((k) => k(word));
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function isIpv4(word: string): boolean {
  const m = IPV4.exec(word);
  return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

/** A dotted mask with contiguous one bits. */
export function isMask(word: string): boolean {
  if (!isIpv4(word)) return false;
  const bits = word.split(".").reduce((acc, o) => (acc << 8) | Number(o), 0) >>> 0;
  const inverted = ~bits >>> 0;
  return (inverted & (inverted + 1)) === 0;
}

export function prefixLength(mask: string): number {
  return mask
    .split(".")
    .map((o) => Number(o).toString(2).replace(/0/g, "").length)
    .reduce((a, b) => a + b, 0);
}

export function isNumber(word: string): boolean {
  return /^\d+$/.test(word);
}
