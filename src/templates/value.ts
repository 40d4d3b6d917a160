/**
 * Values on their way into a template. Every string or number of the render data is wrapped
 * in a TemplateValue that cannot be turned into text: writing `{{userDir}}` throws, and only
 * an escaping helper (`{{sh userDir}}`, `{{jcl x}}`, ...) can read the value, through
 * `valueOf` below. So a template cannot emit a user value by accident, whatever its author
 * forgets; the helper decides how the value is written for the language around it.
 */

const raws = new WeakMap<TemplateValue, string | number>();

export class TemplateValue {
  /** Where the value came from: a topology field (`systems[1].zosmf.userDir`) or the template variable. */
  readonly field: string;

  constructor(raw: string | number, field: string) {
    raws.set(this, raw);
    this.field = field;
  }

  [Symbol.toPrimitive](): never {
    throw new UnescapedValue(this.field);
  }

  toString(): never {
    throw new UnescapedValue(this.field);
  }

  toJSON(): never {
    throw new UnescapedValue(this.field);
  }
}

/** Text an escaping helper made; it may be written as it is, or handed to another helper. */
export class EscapedText {
  constructor(
    readonly text: string,
    /** The field of the value it came from, when one did. */
    readonly field: string | undefined,
  ) {}

  [Symbol.toPrimitive](): string {
    return this.text;
  }

  toString(): string {
    return this.text;
  }
}

/** A template wrote a value without an escaping helper. */
export class UnescapedValue extends Error {
  constructor(readonly field: string) {
    super(`the value of ${field} is written without an escaping helper`);
  }
}

/** The raw value of a wrapped value; anything else is returned as it is. */
export function valueOf(value: unknown): unknown {
  return value instanceof TemplateValue ? raws.get(value) : value;
}

/** Describes a value's origin for messages: the topology field when known, else the template variable. */
export function fieldOf(value: unknown): string | undefined {
  if (value instanceof TemplateValue || value instanceof EscapedText) return value.field;
  return undefined;
}

/**
 * Wraps every string and number of `data` (deeply; arrays and plain objects are walked).
 * `fields` maps a variable path (`vipa.dvipa`, `entries[0].jobPrefix`) to the topology
 * field it came from; a value without an entry is named by its variable path.
 */
export function wrapData(data: unknown, fields: Readonly<Record<string, string>> = {}, path = ""): unknown {
  if (typeof data === "string" || typeof data === "number") return new TemplateValue(data, fields[path] ?? `template variable "${path}"`);
  if (Array.isArray(data)) return data.map((v, i) => wrapData(v, fields, `${path}[${i}]`));
  if (data && typeof data === "object" && (Object.getPrototypeOf(data) === Object.prototype || Object.getPrototypeOf(data) === null)) {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, wrapData(v, fields, path ? `${path}.${k}` : k)]));
  }
  return data;
}
