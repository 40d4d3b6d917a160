import type { ICommandDefinition } from "@zowe/imperative";
import { describe, expect, it } from "vitest";
import config from "../../../imperative";
import { connectionOptions } from "../../../commands/connection-options";
import { ProvisionDefinition } from "../../../commands/provision/Provision.definition";
import { RollbackDefinition } from "../../../commands/rollback/Rollback.definition";
import { newRunId } from "../../../src/engine/run-record";

// Every command the plug-in registers, so each check below covers a new command without a list to keep.
const ALL: ICommandDefinition[] = config.definitions ?? [];

function commands(definition: ICommandDefinition): ICommandDefinition[] {
  return [definition, ...(definition.children ?? []).flatMap(commands)];
}

/** Digits as 9 and the random part as x: what a run id looks like, whatever its time. */
function shape(id: string): string {
  return id.replace(/-[0-9a-f]{4}$/, "-xxxx").replace(/[0-9]/g, "9");
}

const option = (definition: ICommandDefinition, name: string) => definition.options?.find((o) => o.name === name);

describe("command help", () => {
  it("shows run ids in its examples the way the plug-in makes them, so a copied example names a real kind of run", () => {
    const made = shape(newRunId("PLEX1", "2026-12-03T10:15:00.123Z"));
    const ids = ALL.flatMap(commands)
      .flatMap((c) => c.examples ?? [])
      .flatMap((e) => e.options.match(/\bPLEX1-\S+/g) ?? []);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => shape(id) !== made)).toEqual([]);
  });

  it("describes rollback's --dry-run as a rollback, not as provision's plan", () => {
    const text = option(RollbackDefinition, "dry-run")?.description ?? "";
    expect(text).not.toBe(option(ProvisionDefinition, "dry-run")?.description);
    expect(text).toMatch(/restore/);
  });

  // The connection options keep stock Zowe's types, so profiles and ZOWE_OPT_* fill them in as for every z/OSMF command.
  it("leaves its own local paths to the plug-in's check, so a missing one is an input error (exit 3), not imperative's", () => {
    const stock = new Set(connectionOptions.map((o) => o.name));
    const typed = ALL.flatMap(commands).flatMap((c) =>
      (c.options ?? []).filter((o) => o.type === "existingLocalFile" && !stock.has(o.name)).map((o) => o.name),
    );
    expect(typed).toEqual([]);
  });
});
