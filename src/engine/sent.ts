import { jobLabel } from "./job-label";
import type { BackupEntry, CommandEntry, DatasetEntry, JobEntry, RunRecorder, WriteEntry } from "./types";

/**
 * The only characters a display needs. Anything else may make one line two commands (`;`, the
 * usual CONSOLxx command delimiter; JES2 takes several commands on one line) or carry what no
 * display reads, so such a command is never taken for a display.
 */
const DISPLAY_CHARS = /^[A-Z0-9 ,.=()*$#@'\-/_:]*$/i;
const DISPLAY = /^\s*(D(ISPLAY)?\s|\$D|RVARY\s+LIST\s*$)/i;
/** `RO *ALL,cmd`, `RO SYSA,cmd`: the routed command is what runs on each system. */
const ROUTED = /^\s*RO(?:UTE)?\s+(?:\*ALL|[A-Z0-9@#$]{1,8})\s*,(.*)$/i;

/**
 * A display command only reads: MVS `D ...`/`DISPLAY ...`, JES2 `$D...` and RACF `RVARY LIST`,
 * alone or routed to every system or one. Every other command changes something.
 */
export function isDisplayCommand(command: string): boolean {
  if (!DISPLAY_CHARS.test(command)) return false;
  const routed = ROUTED.exec(command);
  return DISPLAY.test(routed ? routed[1]! : command);
}

export type SentKind = "member" | "uss-file" | "dataset" | "job" | "command" | "backup-copy";

/** One thing a run sent to z/OS that changed (or may have changed) something there. */
export interface SentEntry {
  readonly stepId: string;
  readonly kind: SentKind;
  /** In words: `SYS1.PARMLIB(IZUPRM0A) written`, `job IZUMKF0A(JOB00012)`. */
  readonly what: string;
}

/**
 * What a run sent to z/OS, step by step. "Nothing was sent" (exit 3) is a promise to the
 * user, so it is decided here from every write, created data set, submitted job and
 * non-display command the steps record, not from which step failed.
 */
export class SentLog {
  private readonly list: SentEntry[] = [];
  private readonly seen = new Set<string>();

  note(entry: SentEntry): void {
    const key = `${entry.kind}\0${entry.what}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(entry);
  }

  /** True once anything but a read or a display went to z/OS. */
  get any(): boolean {
    return this.list.length > 0;
  }

  get entries(): readonly SentEntry[] {
    return this.list;
  }

  /** A submission is noted before it leaves; once JES named the job, the job id takes its place. */
  private noteJob(e: JobEntry): void {
    const intent = `job ${jobLabel({ ...e, jobid: null })}`;
    if (e.jobid === null) return this.note({ stepId: e.stepId, kind: "job", what: intent });
    const what = `job ${jobLabel(e)}`;
    const at = this.list.findIndex((x) => x.kind === "job" && x.stepId === e.stepId && x.what === intent);
    if (at < 0 || this.seen.has(`job\0${what}`)) return this.note({ stepId: e.stepId, kind: "job", what });
    this.list[at] = { stepId: e.stepId, kind: "job", what };
    this.seen.add(`job\0${what}`);
  }

  /** The recorder the steps write to: each entry is passed on and noted here first. */
  track(inner: RunRecorder): RunRecorder {
    return {
      backup: async (e: BackupEntry) => {
        // The copy on z/OS is itself a write; the record entry alone is local.
        if (e.zosCopy) this.note({ stepId: e.stepId, kind: "backup-copy", what: `copy of ${targetName(e.target)} kept in ${e.zosCopy}` });
        await inner.backup(e);
      },
      job: (e: JobEntry) => {
        this.noteJob(e);
        return inner.job(e);
      },
      command: (e: CommandEntry) => {
        if (!isDisplayCommand(e.command)) this.note({ stepId: e.stepId, kind: "command", what: `${e.command} on ${e.system}` });
        return inner.command(e);
      },
      write: (e: WriteEntry) => {
        this.note({ stepId: e.stepId, kind: e.target.kind, what: `${targetName(e.target)} ${e.deleted ? "deleted" : "written"}` });
        return inner.write(e);
      },
      dataset: (e: DatasetEntry) => {
        this.note({ stepId: e.stepId, kind: "dataset", what: `data set ${e.dsn} created` });
        return inner.dataset?.(e);
      },
    };
  }
}

function targetName(t: WriteEntry["target"]): string {
  return t.kind === "member" ? `${t.dsn}(${t.member})` : t.path;
}
