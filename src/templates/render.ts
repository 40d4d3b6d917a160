import type Handlebars from "handlebars";
import { HaError } from "../errors";
import { ESCAPERS, Refusal, preview, type Escaper } from "./escape";
import { EscapedText, TemplateValue, UnescapedValue, fieldOf, valueOf, wrapData } from "./value";

/**
 * The template engine, loaded the first time a template is rendered: most commands render none
 * (verify reads only), and loading it costs every start-up of the Zowe CLI that runs them.
 */
let engine: typeof Handlebars | undefined;
function templateEngine(): typeof Handlebars {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use; render stays synchronous
  return (engine ??= require("handlebars") as typeof Handlebars);
}

/** A template's text and the name people know it by (shown in every error about it). */
export interface TemplateSource {
  /** e.g. `zosmf-ha/templates/izumkfs.jcl.hbs`, or a site's path. */
  readonly name: string;
  readonly text: string;
}

export interface RenderOptions {
  /** Partials by the name templates use (`{{> jobcard}}`). */
  readonly partials?: Readonly<Record<string, TemplateSource>>;
  /**
   * Variable path → the topology field it came from (`{ "userDir": "systems[1].zosmf.userDir" }`),
   * so a refused value is named by the field a person edits.
   */
  readonly fields?: Readonly<Record<string, string>>;
  /** Escaping helpers a caller adds for a language of its own, by helper name. */
  readonly helpers?: Readonly<Record<string, { readonly escape: Escaper; readonly language: string }>>;
}

/** A value a helper wrote: its field and the text it became, to name the field when a rendered line is refused later. */
export interface WrittenValue {
  readonly field: string;
  readonly text: string;
}

export interface Rendered {
  readonly text: string;
  readonly values: readonly WrittenValue[];
}

/**
 * Renders in strict mode: a variable the data does not have is an error naming it, so a site
 * template that expects a value we do not supply fails before anything reaches z/OS.
 * Output is not HTML-escaped (JCL, PARMLIB and TCP/IP statements); instead every value of
 * `data` is wrapped (./value.ts) and can be written only through an escaping helper for the
 * language around it (`{{jcl x}}`, `{{sh x}}`, `{{obey x}}`, ... in ./escape). A template that
 * writes a value bare is refused, and so is a value its helper cannot write safely: the
 * error names the value's topology field and the template line.
 */
export function renderTemplate(template: TemplateSource, data: object, options: RenderOptions = {}): string {
  return renderWithValues(template, data, options).text;
}

/** As renderTemplate, also listing what each value became (for checks of the rendered text). */
export function renderWithValues(template: TemplateSource, data: object, options: RenderOptions = {}): Rendered {
  const hb = templateEngine().create();
  const written: WrittenValue[] = [];
  const builtinIf = hb.helpers["if"] as Handlebars.HelperDelegate;
  const builtinUnless = hb.helpers["unless"] as Handlebars.HelperDelegate;
  // Conditions look at the value itself: a wrapped "" or 0 is as false as the plain one.
  hb.registerHelper("if", function (this: unknown, cond: unknown, opts: Handlebars.HelperOptions) {
    return builtinIf.call(this, valueOf(cond), opts);
  });
  hb.registerHelper("unless", function (this: unknown, cond: unknown, opts: Handlebars.HelperOptions) {
    return builtinUnless.call(this, valueOf(cond), opts);
  });
  hb.registerHelper("eq", (a: unknown, b: unknown) => valueOf(a) === valueOf(b));
  // Still a value: it needs an escaping helper around it (`{{jclname (upper x)}}`).
  hb.registerHelper("upper", (value: unknown) =>
    value instanceof TemplateValue
      ? new TemplateValue(String(valueOf(value)).toUpperCase(), value.field)
      : String(valueOf(value) ?? "").toUpperCase(),
  );
  for (const [name, { escape, language }] of Object.entries({ ...ESCAPERS, ...(options.helpers ?? {}) })) {
    hb.registerHelper(name, (...args: unknown[]) => {
      const opts = args.pop() as Handlebars.HelperOptions;
      if (args.length !== 1) throw new TemplateUsage(`{{${name}}} takes exactly one value`, opts);
      const value = args[0];
      const field = fieldOf(value);
      const raw = value instanceof EscapedText ? value.text : valueOf(value);
      if (typeof raw !== "string" && typeof raw !== "number") {
        throw new TemplateUsage(
          `{{${name}}} got ${raw === null || raw === undefined ? "no value" : `a ${typeof raw}`}${field ? ` (${field})` : ""}`,
          opts,
        );
      }
      try {
        const text = escape(raw);
        if (field) written.push({ field, text });
        return new EscapedText(text, field);
      } catch (err) {
        if (err instanceof Refusal) throw new ValueRefused(field ?? "a value written by the template", language, err, raw, opts);
        throw err;
      }
    });
  }
  const partialNames = new Map<string, string>();
  for (const [name, partial] of Object.entries(options.partials ?? {})) {
    // A partial without a final newline would glue the next line onto its last statement.
    const text = partial.text.endsWith("\n") ? partial.text : `${partial.text}\n`;
    hb.registerPartial(name, hb.compile(text, { strict: true, noEscape: true }));
    partialNames.set(name, partial.name);
  }
  try {
    const text = hb.compile(template.text, { strict: true, noEscape: true })(wrapData(data, options.fields ?? {}));
    return { text, values: written };
  } catch (err) {
    throw renderError(template, partialNames, err);
  }
}

/** The fields whose written text appears in `line`: who to name when a rendered line is refused. */
export function fieldsInLine(line: string, values: readonly WrittenValue[]): string[] {
  return [...new Set(values.filter((v) => v.text !== "" && line.includes(v.text)).map((v) => v.field))];
}

class ValueRefused extends Error {
  constructor(
    readonly field: string,
    readonly language: string,
    readonly refusal: Refusal,
    readonly raw: string | number,
    readonly opts: Handlebars.HelperOptions,
  ) {
    super(refusal.message);
  }
}

class TemplateUsage extends Error {
  constructor(
    message: string,
    readonly opts: Handlebars.HelperOptions,
  ) {
    super(message);
  }
}

function lineOf(opts: Handlebars.HelperOptions): string {
  const loc = (opts as { loc?: { start?: { line?: number; column?: number } } }).loc?.start;
  return loc?.line ? ` line ${loc.line}` : "";
}

function renderError(template: TemplateSource, partials: ReadonlyMap<string, string>, err: unknown): HaError {
  const including = `${template.name}${partials.size ? ` (or a partial it includes: ${[...partials.values()].join(", ")})` : ""}`;
  if (err instanceof ValueRefused) {
    return new HaError(`${err.field} ${err.refusal.reason}; as ${err.language} it may hold ${err.refusal.allowed}. Nothing was sent.`, {
      failureClass: "invalid-input",
      details: [`value: ${preview(String(err.raw))}`, `written by ${including}${lineOf(err.opts)}`],
    });
  }
  if (err instanceof UnescapedValue) {
    return new HaError(`Template ${including} writes ${err.field} without an escaping helper; nothing was sent.`, {
      failureClass: "invalid-input",
      details: [
        `Write values through the helper for the language around them: ${Object.keys(ESCAPERS)
          .map((h) => `{{${h} x}}`)
          .join(", ")} (workflows/README.md).`,
      ],
    });
  }
  if (err instanceof TemplateUsage) {
    return new HaError(`Template ${including}${lineOf(err.opts)}: ${err.message}.`, { failureClass: "invalid-input" });
  }
  const message = err instanceof Error ? err.message : String(err);
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/s.exec(message);
  if (missing) {
    return new HaError(
      `Template ${template.name} (or a partial it includes: ${[...partials.values()].join(", ") || "none"}) uses "${missing[1]}", which has no value (line ${missing[2]}, column ${Number(missing[3]) + 1}).`,
      { failureClass: "invalid-input", details: ["Variables a template may use are listed in workflows/README.md."] },
    );
  }
  const partial = /The partial (\S+) could not be found/.exec(message);
  if (partial) {
    return new HaError(`Template ${template.name} includes the partial "${partial[1]}", which does not exist.`, {
      failureClass: "invalid-input",
    });
  }
  return new HaError(`Template ${template.name} cannot be rendered: ${message}`, { failureClass: "invalid-input" });
}
