/*
 * A draft topology as discover builds it: every value carries where it came from (the display
 * or member that showed it) or, when nothing showed it, a TODO saying what a person must decide
 * or look at. The value of a TODO is a placeholder that passes the schema, so the draft can be
 * validated and dry-run as it stands.
 */

export interface Found<T = unknown> {
  readonly kind: "found";
  readonly value: T;
  /** Where the value came from, e.g. "IZUPRM0A HOSTNAME" or "D TCPIP,TCPIP,N,VIPADCFG on SYSA". */
  readonly from?: string;
  /** What a person must decide or look at; the value is then only a placeholder. */
  readonly todo?: string;
}

export type DraftNode = Found | readonly DraftNode[] | { readonly [key: string]: DraftNode | undefined };

export function found<T>(value: T, from: string): Found<T> {
  return { kind: "found", value, from };
}

export function todo<T>(value: T, what: string): Found<T> {
  return { kind: "found", value, todo: what };
}

export function isFound(node: unknown): node is Found {
  return typeof node === "object" && node !== null && !Array.isArray(node) && (node as { kind?: unknown }).kind === "found";
}

/** The plain data of a draft, as a topology file holds it. */
export function plainOf(node: DraftNode): unknown {
  if (isFound(node)) return node.value;
  if (Array.isArray(node)) return node.map((n: DraftNode) => plainOf(n));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, DraftNode | undefined>)) {
    if (v !== undefined && !(isFound(v) && v.value === undefined)) out[k] = plainOf(v);
  }
  return out;
}

export interface DraftTodo {
  /** e.g. zosmfHa.dvipa, systems[1].tcpip.dynamicXcf.address */
  readonly path: string;
  readonly what: string;
}

/** Every TODO of a draft with its field path, in document order. */
export function todosOf(node: DraftNode, path = ""): DraftTodo[] {
  if (isFound(node)) return node.todo !== undefined ? [{ path, what: node.todo }] : [];
  if (Array.isArray(node)) return node.flatMap((n: DraftNode, i) => todosOf(n, `${path}[${i}]`));
  return Object.entries(node as Record<string, DraftNode | undefined>).flatMap(([k, v]) =>
    v === undefined ? [] : todosOf(v, path === "" ? k : `${path}.${k}`),
  );
}
