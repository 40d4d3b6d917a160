/**
 * The same provisioning as a script of stock Zowe commands, one `zowe` process per action,
 * run one after another as a shell script would: the jobs, members, files and commands
 * come from the plug-in's own dry-run plan, so both sides do the same work.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { applyPatch } from "diff";
import type { Change, StepPlan } from "../../src/engine/types";
import { provision } from "../../src/run/provision";
import { createZosmfClient } from "../../src/zosmf";
import type { EmulatorChild } from "./emulator-process";
import type { ZoweHome } from "./zowe-cli";

export interface StockAction {
  readonly what: string;
  readonly args: readonly string[];
  /** For a job: the highest condition code the plan accepts. */
  readonly maxRc?: number;
}

export interface StockFigure {
  readonly wallMs: number;
  readonly actions: number;
  readonly byKind: Record<string, number>;
}

/** Turns the dry-run plan into `zowe` command lines (files it needs are written into `dir`). */
export async function stockActions(emu: EmulatorChild, topologyFile: string, dir: string, systems: readonly string[]): Promise<StockAction[]> {
  const planned = await provision({ topologyFile, connection: emu.connection, dryRun: true, startServers: true, recordDir: dir });
  const client = createZosmfClient(emu.connection);
  const actions: StockAction[] = [];
  let n = 0;
  const file = (text: string) => {
    const f = path.join(dir, `stock-${++n}.txt`);
    writeFileSync(f, text.endsWith("\n") ? text : `${text}\n`);
    return f;
  };
  try {
    for (const step of planned.plan as StepPlan[]) {
      for (const c of step.changes) actions.push(await actionFor(c, client, file));
    }
  } finally {
    client.close();
  }
  // The plug-in confirms each server listens; the script looks once per system.
  for (const system of systems) actions.push({ what: "console", args: ["zos-console", "issue", "command", "D TCPIP,TCPIP,N,ALLCONN", "--sysplex-system", system] });
  return actions;
}

async function actionFor(c: Change, client: ReturnType<typeof createZosmfClient>, file: (text: string) => string): Promise<StockAction> {
  switch (c.kind) {
    case "job":
      return { what: "job", args: ["zos-jobs", "submit", "local-file", file(c.jcl), "--wait-for-output", "--rfj"], maxRc: c.maxRc };
    case "command":
      return { what: "console", args: ["zos-console", "issue", "command", c.command, "--sysplex-system", c.system] };
    case "member": {
      const current = c.action === "update" ? (await client.files.read(c.dsn, c.member)).text : "";
      return { what: "member", args: ["zos-files", "upload", "file-to-data-set", file(patched(current, c.diff, `${c.dsn}(${c.member})`)), `${c.dsn}(${c.member})`] };
    }
    case "uss-file": {
      const current = c.action === "update" ? (await client.files.readUss(c.path)).text : "";
      return { what: "uss", args: ["zos-files", "upload", "file-to-uss", file(patched(current, c.diff, c.path)), c.path] };
    }
    case "dataset":
      return { what: "dataset", args: createDatasetArgs(c.dsn, c.attributes) };
  }
}

/** The stock command that allocates a data set with the attributes the plan shows. */
function createDatasetArgs(dsn: string, a: Extract<Change, { kind: "dataset" }>["attributes"]): string[] {
  const opt = (name: string, value: string | number | undefined) => (value === undefined ? [] : [`--${name}`, String(value)]);
  return [
    "zos-files",
    "create",
    a.dsorg === "PO" ? "data-set-partitioned" : "data-set-sequential",
    dsn,
    ...opt("allocation-space-unit", a.alcunit),
    ...opt("primary-space", a.primary),
    ...opt("secondary-space", a.secondary),
    ...opt("directory-blocks", a.dirblk),
    ...opt("record-format", a.recfm),
    ...opt("block-size", a.blksize),
    ...opt("record-length", a.lrecl),
    ...opt("volume-serial", a.volser),
    ...opt("data-set-type", a.dsntype),
  ];
}

function patched(current: string | null, diff: string, name: string): string {
  const base = (current ?? "").replace(/\r\n/g, "\n");
  const out = applyPatch(base.endsWith("\n") || base === "" ? base : `${base}\n`, diff, { fuzzFactor: 2 });
  if (out === false) throw new Error(`the planned diff of ${name} does not apply to its current text`);
  return out;
}

/** Runs the actions in order, failing on the first that fails. */
export async function runStock(home: ZoweHome, emu: EmulatorChild, actions: readonly StockAction[]): Promise<StockFigure> {
  const byKind: Record<string, number> = {};
  const t0 = performance.now();
  for (const a of actions) {
    const r = await home.zowe(a.args, emu, 300_000);
    if (r.code !== 0) throw new Error(`stock step failed: zowe ${a.args.join(" ")}\n${r.stdout}\n${r.stderr}`);
    if (a.what === "job") {
      const retcode = (JSON.parse(r.stdout) as { data?: { retcode?: string } }).data?.retcode ?? "";
      const cc = /^CC (\d+)$/.exec(retcode);
      if (!cc || Number(cc[1]) > (a.maxRc ?? 0)) throw new Error(`stock job ended ${retcode}: ${a.args.join(" ")}`);
    }
    byKind[a.what] = (byKind[a.what] ?? 0) + 1;
  }
  return { wallMs: performance.now() - t0, actions: actions.length, byKind };
}
