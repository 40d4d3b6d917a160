import path from "node:path";
import { packageRoot } from "../package-info";

/** The plug-in's own workflows folder. */
export function builtinWorkflowsDir(): string {
  return path.join(packageRoot(), "workflows");
}
