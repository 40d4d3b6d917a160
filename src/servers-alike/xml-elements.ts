/*
 * A small, strict reader of the XML a Liberty server.xml is written in: elements with
 * attributes, comments, an XML declaration and whitespace between them. Anything else
 * (a DOCTYPE, entity declarations, CDATA, processing instructions after the start, an
 * unknown entity, a tag that does not close) is a problem with its line, never a guess:
 * the file is then not judged at all.
 */

/** One element with its attributes (entities resolved), its line and its parent's name. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly line: number;
  readonly parent: string | null;
  /** The parent's index in the element list. */
  readonly parentAt: number | null;
}

export interface XmlRead {
  readonly elements: readonly XmlElement[];
  /** Each what could not be read, with its line: `line 12: ...`. */
  readonly problems: readonly string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*/;
const ATTRIBUTE = /^([A-Za-z_][A-Za-z0-9_.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Resolves the five predefined entities and character references; null when another appears. */
function resolveEntities(value: string): string | null {
  let bad = false;
  const out = value.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) bad = true;
    else if (ref in ENTITIES) return ENTITIES[ref]!;
    else if (/^#[0-9]{1,7}$/.test(ref)) return String.fromCodePoint(Number(ref.slice(1)));
    else if (/^#x[0-9A-Fa-f]{1,6}$/.test(ref)) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    else bad = true;
    return whole;
  });
  return bad ? null : out;
}

interface Tag {
  readonly name: string;
  readonly attributes: Map<string, string>;
  readonly selfClosing: boolean;
  readonly end: number;
}

/** Reads the start tag at `at` (just after `<`); a string is the problem. */
function startTag(text: string, at: number): Tag | string {
  const name = NAME.exec(text.slice(at))?.[0];
  if (name === undefined) return "a tag without a valid name";
  const attributes = new Map<string, string>();
  let i = at + name.length;
  for (;;) {
    const space = /^\s*/.exec(text.slice(i))![0].length;
    i += space;
    if (text.startsWith("/>", i)) return { name, attributes, selfClosing: true, end: i + 2 };
    if (text.startsWith(">", i)) return { name, attributes, selfClosing: false, end: i + 1 };
    const m = ATTRIBUTE.exec(text.slice(i));
    if (m === null || space === 0) return `<${name}> has an attribute that cannot be read`;
    const value = resolveEntities(m[3] ?? m[4] ?? "");
    if (value === null) return `<${name}> attribute ${m[1]} uses an entity other than &amp; &lt; &gt; &quot; &apos; or &#n;`;
    if (attributes.has(m[1]!)) return `<${name}> has attribute ${m[1]} twice`;
    attributes.set(m[1]!, value);
    i += m[0].length;
  }
}

/** What starts with `<` but is neither a tag nor a comment: the reader does not guess its meaning. */
function markupProblem(text: string, i: number, elementsSeen: number): { skip: number } | string {
  if (text.startsWith("<!--", i)) {
    const end = text.indexOf("-->", i + 4);
    return end < 0 ? "a comment that does not end" : { skip: end + 3 - i };
  }
  if (text.startsWith("<?xml", i) && i === text.search(/\S/) && elementsSeen === 0) {
    const end = text.indexOf("?>", i);
    return end < 0 ? "an XML declaration that does not end" : { skip: end + 2 - i };
  }
  if (text.startsWith("<!", i)) return "a DOCTYPE, CDATA or declaration, which this reader does not follow";
  if (text.startsWith("<?", i)) return "a processing instruction, which this reader does not follow";
  return "markup that cannot be read";
}

/** Every element of `text` in document order, or the problems that stop the reading. */
export function readXmlElements(text: string): XmlRead {
  const elements: XmlElement[] = [];
  const open: string[] = [];
  const openAt: number[] = [];
  const problem = (index: number, what: string): XmlRead => ({ elements: [], problems: [`line ${lineAt(text, index)}: ${what}`] });
  let i = 0;
  let roots = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const between = text.slice(i, lt < 0 ? text.length : lt);
    // Text belongs inside an element (<feature>zosconnect:zosconnect-2.0</feature>); around the top element it is not XML.
    if (between.trim() !== "") {
      const at = i + between.search(/\S/);
      if (open.length === 0) return problem(at, `text outside the top element: ${between.trim().slice(0, 40)}`);
      if (resolveEntities(between) === null) return problem(at, "text with an entity other than &amp; &lt; &gt; &quot; &apos; or &#n;");
    }
    if (lt < 0) break;
    if (text.startsWith("</", lt)) {
      const m = /^<\/([A-Za-z_][A-Za-z0-9_.:-]*)\s*>/.exec(text.slice(lt));
      if (m === null) return problem(lt, "an end tag that cannot be read");
      if (open.at(-1) !== m[1]) return problem(lt, `</${m[1]}> does not close ${open.length ? `<${open.at(-1)}>` : "any open element"}`);
      open.pop();
      openAt.pop();
      i = lt + m[0].length;
      continue;
    }
    if (!NAME.test(text.slice(lt + 1))) {
      const other = markupProblem(text, lt, elements.length);
      if (typeof other === "string") return problem(lt, other);
      i = lt + other.skip;
      continue;
    }
    const tag = startTag(text, lt + 1);
    if (typeof tag === "string") return problem(lt, tag);
    if (open.length === 0 && ++roots > 1) return problem(lt, `a second top-level element <${tag.name}>`);
    elements.push({
      name: tag.name,
      attributes: tag.attributes,
      line: lineAt(text, lt),
      parent: open.at(-1) ?? null,
      parentAt: openAt.at(-1) ?? null,
    });
    if (!tag.selfClosing) {
      open.push(tag.name);
      openAt.push(elements.length - 1);
    }
    i = tag.end;
  }
  if (open.length > 0) return problem(text.length, `<${open.at(-1)}> is not closed`);
  if (elements.length === 0) return problem(0, "no element at all");
  return { elements, problems: [] };
}
