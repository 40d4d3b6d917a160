import { HaError } from "../errors";
import { preview, Refusal, zoweYamlText } from "../templates/escape";
import { hidePassword } from "../topology";
import type { ZoweYamlSetting } from "./setting";

/** Each text value as zowe.yaml may hold it (../templates/escape/zowe-yaml.ts); a refusal names the topology field. */
export function checkedSettings(settings: readonly ZoweYamlSetting[]): readonly ZoweYamlSetting[] {
  for (const s of settings) {
    const texts = typeof s.value === "string" ? [s.value] : Array.isArray(s.value) ? (s.value as readonly string[]) : [];
    for (const text of texts) {
      try {
        zoweYamlText(text);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        // Redis addresses may carry a password: never shown.
        throw new HaError(`${s.field} ${err.reason}; in zowe.yaml it may hold ${err.allowed}. Nothing was sent.`, {
          failureClass: "invalid-input",
          details: [`value: ${preview(hidePassword(text))}`],
        });
      }
    }
  }
  return settings;
}
