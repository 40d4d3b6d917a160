/**
 * Secrets must never reach output, logs or run records. Member and file diffs can
 * carry neighbouring lines of a zowe.yaml (keystore passwords) and Redis URIs carry
 * credentials, so every text that leaves the engine goes through here.
 */
const KEY_VALUE = /^([+\- ]?\s*[-\w.]*(?:password|passwd|passphrase|secret|token|credential)s?[-\w.]*\s*[:=]\s*)(\S.*)$/gim;
const URI_CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/|^|[\s"'(=])([^\s:@/"']+):([^\s@/"']+)@/gim;

export const REDACTED = "********";

export function redactSecrets(text: string): string {
  return text
    .replace(KEY_VALUE, (_m, key: string) => `${key}${REDACTED}`)
    .replace(URI_CREDENTIALS, (_m, prefix: string, user: string) => `${prefix}${user}:${REDACTED}@`);
}
