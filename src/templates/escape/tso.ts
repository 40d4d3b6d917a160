/**
 * The one place a topology value becomes a TSO command operand. A value is either quoted
 * (single quotes, an embedded quote doubled, as RACF reads a quoted string) or, where RACF
 * takes the operand unquoted, refused unless it has the operand's format. Nothing a user
 * typed can end an operand, open a parenthesis, start a comment or a new line.
 */
import { HaError } from "../../errors";
import { asText, preview, Refusal, refuseUnprintable } from "./refusal";

const QUOTED = "printable characters without the comment marker /* (apostrophes are doubled)";

/**
 * Text inside the apostrophes of a TSO operand (`MOUNTPOINT('{{tsotext x}}')`): apostrophes
 * doubled, as TSO reads a quoted string; control characters refused (a new line would start
 * another SYSTSIN command), and `/*`, which TSO may take as the start of a comment.
 */
export function tsoQuotedText(value: string | number): string {
  const text = asText(value, QUOTED);
  refuseUnprintable(text, QUOTED);
  if (text.includes("/*")) throw new Refusal("contains the comment marker /*", QUOTED);
  return text.replace(/'/g, "''");
}

const WORD = "at most 255 characters A-Z, a-z, 0-9, @, #, $, periods, hyphens and underscores";

/**
 * An unquoted TSO operand (a profile name part, a ring name, an address): blanks, commas,
 * parentheses and quotes would start another operand, so only word characters are accepted.
 */
export function tsoWord(value: string | number): string {
  const text = asText(value, WORD);
  if (!/^[A-Za-z0-9@#$._-]{1,255}$/.test(text))
    throw new Refusal(text === "" ? "is empty" : "contains a character TSO would read as syntax", WORD);
  return text;
}

export type TsoOperandFormat =
  /** A RACF user, group or procedure name, or a profile-name qualifier: 1–8 of A-Z 0-9 @ # $, no digit first. Upper-cased. */
  | "name"
  /** A key ring name: RACDCERT takes it unquoted, so only A-Z a-z 0-9 @ # $ . _ - (1–237). */
  | "ring"
  /** An IPv4 address, unquoted (ALTNAME IP()). */
  | "ipv4"
  /** A DNS host name, quoted. */
  | "host"
  /** Free text (a certificate name part), quoted. */
  | "text"
  /** A z/OS UNIX path, quoted. */
  | "path";

export interface TsoValue {
  readonly format: TsoOperandFormat;
  readonly value: string;
  /** The topology field it came from, named in every refusal. */
  readonly field: string;
}

export const tsoValue = (format: TsoOperandFormat, value: string, field: string): TsoValue => ({ format, value, field });

const FORMATS: Record<TsoOperandFormat, { re: RegExp; allowed: string; quote: boolean }> = {
  name: { re: /^[A-Z@#$][A-Z0-9@#$]{0,7}$/i, allowed: "1-8 characters A-Z, 0-9, @, #, $, not starting with a digit", quote: false },
  ring: { re: /^[A-Za-z0-9@#$._-]{1,237}$/, allowed: "1-237 characters A-Z, a-z, 0-9, @, #, $, '.', '_' or '-'", quote: false },
  ipv4: { re: /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/, allowed: "an IPv4 address", quote: false },
  host: {
    re: /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/,
    allowed: "a DNS host name",
    quote: true,
  },
  text: { re: /^[\x20-\x7e]{1,64}$/, allowed: "1-64 printable characters", quote: true },
  path: { re: /^\/[\x21-\x7e]{0,1022}$/, allowed: "an absolute path without blanks", quote: true },
};

/** The operand text for one value: quoted, or checked against its format; anything else is refused. */
export function tsoOperand(v: TsoValue): string {
  const f = FORMATS[v.format];
  if (typeof v.value !== "string" || !f.re.test(v.value) || v.value.includes("/*")) {
    throw new HaError(
      `${v.field} ${preview(String(v.value))} cannot be used in a RACF command: it must be ${f.allowed}${f.quote ? " (no comment marker /*)" : ""}.`,
      {
        failureClass: "invalid-input",
        details: ["Nothing was sent to z/OS."],
      },
    );
  }
  if (!f.quote) return v.format === "name" ? v.value.toUpperCase() : v.value;
  return `'${tsoQuotedText(v.value)}'`;
}

/** A TSO command whose literal text is ours and whose every `${value}` goes through {@link tsoOperand}. */
export function tsoCommand(literals: TemplateStringsArray, ...values: readonly TsoValue[]): string {
  return literals.reduce((out, lit, i) => out + lit + (i < values.length ? tsoOperand(values[i]!) : ""), "");
}
