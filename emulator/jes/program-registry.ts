/**
 * The program registry a job step looks its PGM= up in: the batch programs of
 * emulator/programs/, then any the caller of start() registers (tests add stubs at any time).
 */
import { programs } from "../programs/index";
import type { Program } from "./types";

export function programRegistry(extra: Record<string, Program>): Record<string, Program> {
  return new Proxy(
    { ...programs },
    {
      get: (known, name) => (typeof name === "string" ? (known[name] ?? extra[name]) : undefined),
    },
  );
}
