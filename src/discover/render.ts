import { Document, isScalar, Pair, YAMLMap, YAMLSeq, type Node } from "yaml";
import { isFound, type DraftNode } from "./found";

/*
 * The draft as YAML, built with the yaml package's Document API: values are data, never
 * spliced into text, and each value's origin or TODO is a comment on its own node.
 */

/** A comment is one line of text: line breaks from z/OS text must not start YAML. */
function oneLine(text: string): string {
  return ` ${text.replace(/[\r\n]+/g, " ").trim()}`;
}

function nodeOf(doc: Document, draft: DraftNode): Node {
  if (isFound(draft)) {
    const node = doc.createNode(draft.value) as Node;
    const note = draft.todo !== undefined ? `TODO: ${draft.todo}` : draft.from;
    if (note !== undefined) {
      // A scalar takes the comment on its own line; a list or map of values takes it above.
      if (isScalar(node)) node.comment = oneLine(note);
      else node.commentBefore = oneLine(note);
    }
    return node;
  }
  if (Array.isArray(draft)) {
    const seq = new YAMLSeq<Node>();
    for (const item of draft) seq.items.push(nodeOf(doc, item));
    return seq;
  }
  const map = new YAMLMap<string, Node>();
  const absent: string[] = [];
  for (const [key, value] of Object.entries(draft as Record<string, DraftNode | undefined>)) {
    if (value === undefined) continue;
    // An optional field nobody could fill is left out, with the TODO in its place, never a guess.
    if (isFound(value) && value.value === undefined) absent.push(`TODO: ${key}: ${value.todo ?? value.from ?? ""}`);
    else map.items.push(new Pair(key, nodeOf(doc, value)));
  }
  if (absent.length > 0) map.comment = absent.map(oneLine).join("\n");
  return map;
}

/** The topology text: a heading comment, then the draft with a comment on each value. */
export function renderDraft(draft: DraftNode, heading: readonly string[]): string {
  const doc = new Document();
  doc.contents = nodeOf(doc, draft) as Document["contents"];
  doc.commentBefore = heading.map(oneLine).join("\n");
  return doc.toString({ lineWidth: 0 });
}
