import { createHash } from "node:crypto";
import type { RecordedBackup, RunRecordData } from "../../../src/engine/run-record";
import type { ApplyContext, BackupEntry, CommandEntry, JobEntry, WriteEntry } from "../../../src/engine/types";
import { normaliseRecords } from "../../../src/provision/ops/diff";
import type { ZosmfClient } from "../../../src/zosmf";
import { ZosmfError } from "../../../src/zosmf";

export const hashOf = (text: string) => createHash("sha256").update(normaliseRecords(text), "utf8").digest("hex");

export function record(runId: string, parts: Partial<RunRecordData> = {}): RunRecordData {
  return {
    formatVersion: 1,
    runId,
    kind: "provision",
    sysplex: "PLEX1",
    topologyFile: "/x/plex.yaml",
    topologySha256: "0",
    startedAt: "2024-01-01T00:00:00.000Z",
    status: "failed",
    plan: [],
    outcomes: [],
    backups: [],
    writes: [],
    jobs: [],
    commands: [],
    ...parts,
  };
}

export const member = (dsn: string, name: string) => ({ kind: "member" as const, dsn, member: name });

export function backupOf(stepId: string, target: RecordedBackup["target"], original: string | null): RecordedBackup {
  return original === null
    ? { stepId, target, etag: null, existed: false }
    : { stepId, target, etag: "E0", existed: true, original, originalSha256: hashOf(original) };
}

export function writeOf(
  stepId: string,
  target: WriteEntry["target"],
  text: string | undefined,
  etagAfter: string | null = "E1",
): WriteEntry {
  return { stepId, target, etagBefore: "E0", etagAfter, ...(text !== undefined ? { textSha256: hashOf(text) } : {}) };
}

/**
 * Members in memory, read back the way an FB 80 data set gives them: every record padded
 * with blanks to 80 columns; z/OS UNIX files come back as written. Writes need the
 * current ETag when they carry one.
 */
export class PaddingFiles {
  readonly members = new Map<string, { text: string; etag: string }>();
  readonly datasets = new Set<string>();
  readonly uss = new Map<string, { text: string; etag: string }>();
  private n = 0;

  put(dsn: string, name: string, text: string): void {
    this.datasets.add(dsn);
    this.members.set(`${dsn}(${name})`, { text, etag: `E${++this.n}` });
  }

  client(): ZosmfClient {
    const files = {
      read: async (dsn: string, name: string) => {
        const m = this.members.get(`${dsn}(${name})`);
        if (!m) throw new ZosmfError({ kind: "not-found", method: "GET", path: `${dsn}(${name})`, status: 404 });
        return {
          text: m.text
            .split("\n")
            .map((l) => l.padEnd(80))
            .join("\n"),
          etag: m.etag,
        };
      },
      write: async (dsn: string, name: string, text: string, o: { ifMatch?: string } = {}) => {
        const m = this.members.get(`${dsn}(${name})`);
        if (o.ifMatch && m && m.etag !== o.ifMatch)
          throw new ZosmfError({ kind: "conflict", method: "PUT", path: `${dsn}(${name})`, status: 412 });
        this.put(dsn, name, text);
        return { etag: this.members.get(`${dsn}(${name})`)!.etag };
      },
      listDatasets: async (dsn: string) => (this.datasets.has(dsn) ? [{ dsname: dsn }] : []),
      createDataset: async (dsn: string) => void this.datasets.add(dsn),
      readUss: async (p: string) => {
        const f = this.uss.get(p);
        if (!f) throw new ZosmfError({ kind: "not-found", method: "GET", path: p, status: 404 });
        return { text: f.text, etag: f.etag };
      },
      writeUss: async (p: string, text: string, o: { ifMatch?: string } = {}) => {
        const f = this.uss.get(p);
        if (o.ifMatch && f && f.etag !== o.ifMatch) throw new ZosmfError({ kind: "conflict", method: "PUT", path: p, status: 412 });
        this.uss.set(p, { text, etag: `E${++this.n}` });
        return { etag: this.uss.get(p)!.etag };
      },
      deleteMember: async (dsn: string, name: string) => void this.members.delete(`${dsn}(${name})`),
      copyMember: async (o: { from: { dsn: string; member: string }; to: { dsn: string; member: string }; replace?: boolean }) => {
        const to = `${o.to.dsn}(${o.to.member})`;
        if (this.members.has(to) && !o.replace) throw new ZosmfError({ kind: "server", method: "PUT", path: to, status: 500 });
        this.put(o.to.dsn, o.to.member, this.members.get(`${o.from.dsn}(${o.from.member})`)!.text);
      },
      // Permission bits are not modelled here: a copy is created empty, then written.
      ussMode: async () => undefined,
      ussAttributes: async () => ({}),
      createUss: async (p: string) => void this.uss.set(p, { text: "", etag: `E${++this.n}` }),
      chmodUss: async () => undefined,
      chownUss: async () => undefined,
    };
    return { files } as unknown as ZosmfClient;
  }
}

export function applyContext(): ApplyContext & { backups: BackupEntry[]; writes: WriteEntry[] } {
  const backups: BackupEntry[] = [];
  const writes: WriteEntry[] = [];
  return {
    backups,
    writes,
    progress: () => {},
    record: {
      backup: async (e: BackupEntry) => void backups.push(e),
      job: (_: JobEntry) => {},
      command: (_: CommandEntry) => {},
      write: (e: WriteEntry) => void writes.push(e),
    },
  };
}
