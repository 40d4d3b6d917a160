/**
 * The program registry a job step looks its PGM= up in: the one program JES itself owns
 * (IEFBR14), then `emulator/programs/index` when it exists, then any programs the caller
 * of start() registers (tests use this for stubs).
 */
import { loadOptionalModule } from "../tcpip-bridge";
import { builtinPrograms } from "./builtins";
import type { Program } from "./types";

export async function loadPrograms(extra: Record<string, Program> = {}): Promise<Record<string, Program>> {
  const registry: Record<string, Program> = { ...builtinPrograms };
  const module = await loadOptionalModule("programs/index");
  const exported = (module?.programs ?? (module?.default as Record<string, unknown> | undefined)?.programs) as Record<string, Program> | undefined;
  if (exported && typeof exported === "object") Object.assign(registry, exported);
  const runProgram = module?.runProgram as ((name: string) => Program | undefined) | undefined;
  const withLookup = new Proxy(registry, {
    // A registry the programs module resolves by name (runProgram) also counts.
    get(target, name: string | symbol) {
      if (typeof name !== "string") return undefined;
      return target[name] ?? extra[name] ?? (typeof runProgram === "function" ? runProgram(name) : undefined);
    },
  });
  return withLookup;
}
