import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from "yaml";

/** Keys whose values are secrets in a zowe.yaml (keystore and truststore passwords, tokens, credentials). */
const SECRET_KEY = /password|passwd|passphrase|secret|token|credential/i;

/**
 * Every scalar value under a secret-looking key of a zowe.yaml, with aliases followed: a
 * `password: *ks` whose anchor `&ks` sits under an ordinary key is a secret too, and the
 * line masking of a diff would only ever see the alias. Values go to the by-value masking,
 * so they are hidden wherever they appear (the anchor's line included).
 */
export function zoweYamlSecrets(text: string): string[] {
  let doc: Document;
  try {
    doc = parseDocument(text, { uniqueKeys: false });
  } catch {
    return [];
  }
  const found = new Set<string>();
  const collect = (node: unknown, depth = 0): void => {
    if (depth > 50 || node === null || node === undefined) return;
    if (isAlias(node)) return collect(node.resolve(doc), depth + 1);
    if (isScalar(node)) {
      // Only strings: a number or true/false under such a key (tokenExpiration: 3600) is a setting, and masking it everywhere would garble output.
      if (typeof node.value === "string") found.add(node.value);
      return;
    }
    if (isMap(node) || isSeq(node))
      for (const item of node.items) collect(isMap(node) ? (item as { value?: unknown }).value : item, depth + 1);
  };
  visit(doc, {
    Pair(_key, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (SECRET_KEY.test(key)) collect(pair.value as Node | null);
    },
  });
  return [...found].filter((v) => v.trim() !== "");
}
