import { existsSync } from "node:fs";
import path from "node:path";
import { HaError } from "../errors";

/** The plug-in's workflows folder, found from here in the source tree and in the built lib/ tree. */
export function builtinWorkflowsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const candidate = path.join(dir, "workflows");
    if (existsSync(path.join(candidate, "zosmf-ha", "workflow.yaml"))) return candidate;
    dir = path.dirname(dir);
  }
  throw new HaError("The plug-in's workflows folder was not found next to its code; reinstall the plug-in.", {
    failureClass: "tool-failure",
  });
}
