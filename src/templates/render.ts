import Handlebars from "handlebars";
import { HaError } from "../errors";

/** A template's text and the name people know it by (shown in every error about it). */
export interface TemplateSource {
  /** e.g. `zosmf-hot-standby/templates/izumkfs.jcl.hbs`, or a site's path. */
  readonly name: string;
  readonly text: string;
}

export interface RenderOptions {
  /** Partials by the name templates use (`{{> jobcard}}`). */
  readonly partials?: Readonly<Record<string, TemplateSource>>;
}

/**
 * Renders in strict mode: a variable the data does not have is an error naming it, so a site
 * template that expects a value we do not supply fails before anything reaches z/OS.
 * Output is not HTML-escaped (JCL, PARMLIB and TCP/IP statements).
 */
export function renderTemplate(template: TemplateSource, data: object, options: RenderOptions = {}): string {
  const hb = Handlebars.create();
  hb.registerHelper("upper", (value: unknown) => String(value ?? "").toUpperCase());
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  const partialNames = new Map<string, string>();
  for (const [name, partial] of Object.entries(options.partials ?? {})) {
    // A partial without a final newline would glue the next line onto its last statement.
    const text = partial.text.endsWith("\n") ? partial.text : `${partial.text}\n`;
    hb.registerPartial(name, hb.compile(text, { strict: true, noEscape: true }));
    partialNames.set(name, partial.name);
  }
  try {
    return hb.compile(template.text, { strict: true, noEscape: true })(data);
  } catch (err) {
    throw renderError(template, partialNames, err);
  }
}

function renderError(template: TemplateSource, partials: ReadonlyMap<string, string>, err: unknown): HaError {
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
    return new HaError(`Template ${template.name} includes the partial "${partial[1]}", which does not exist.`, { failureClass: "invalid-input" });
  }
  return new HaError(`Template ${template.name} cannot be rendered: ${message}`, { failureClass: "invalid-input" });
}
