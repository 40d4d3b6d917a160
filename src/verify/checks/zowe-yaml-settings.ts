import { sameValue, shownValue, valueAt, type ZoweYamlSetting } from "../../zowe-yaml";
import type { Check } from "../types";
import { failed, healthy, type CheckHead as Head } from "../verdict";

/**
 * One check per group of settings (their `check.id` and system), each setting read back from
 * the parsed zowe.yaml; a mismatch names both values and who holds the wanted one.
 */
export function settingChecks(settings: readonly ZoweYamlSetting[], doc: unknown, file: string): Check[] {
  return settingGroups(settings).map(({ head, members }) => {
    const found = members.map((s) => `${s.check!.label} ${shownValue(valueAt(doc, s.path))}`).join("; ");
    const wrong = members.filter((s) => !sameValue(valueAt(doc, s.path), s.value));
    if (wrong.length === 0) return healthy(head, found);
    const reasons = wrong.map(
      (s) =>
        `${file} says ${s.check!.label} ${shownValue(valueAt(doc, s.path))}, ${s.check!.from ?? `the topology (${s.field})`} has ${shownValue(s.value)}`,
    );
    return failed(head, found, reasons.join("; "));
  });
}

/** The heads of the checks `settingChecks` makes, for judging them all alike when the file could not be read. */
export function settingHeads(settings: readonly ZoweYamlSetting[]): Head[] {
  return settingGroups(settings).map((g) => g.head);
}

function settingGroups(settings: readonly ZoweYamlSetting[]): { head: Head; members: ZoweYamlSetting[] }[] {
  const groups = new Map<string, { head: Head; members: ZoweYamlSetting[] }>();
  for (const s of settings) {
    if (s.check === undefined) continue;
    const key = `${s.check.id} ${s.check.system ?? ""}`;
    let group = groups.get(key);
    if (group === undefined) {
      const expected = "";
      group = {
        head: { id: s.check.id, title: s.check.title, expected, ...(s.check.system ? { system: s.check.system } : {}) },
        members: [],
      };
      groups.set(key, group);
    }
    group.members.push(s);
  }
  return [...groups.values()].map(({ head, members }) => ({
    head: { ...head, expected: members.map((s) => `${s.check!.label} ${shownValue(s.value)}`).join("; ") },
    members,
  }));
}
