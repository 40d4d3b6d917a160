import type { RecordMirror, RunRecordData } from "../engine/run-record";
import { redactMessage } from "../engine/redact";
import type { ProgressSink } from "../engine/types";
import type { ZosRunLibrary } from "./zos-library";

/** Where the record is on z/OS after the run, or why it is not (the run itself is not failed for it). */
export interface ZosRecordState {
  readonly where?: string;
  readonly problem?: string;
}

/**
 * Keeps the z/OS copy of a run record current: written when the plan is known, again when a
 * backup, write or data set is recorded (what a rollback from another machine needs), and at
 * the end. Updates asked for while one is writing fold into one write of the latest record.
 * A failure is a warning: after one, only the final write is tried again.
 */
export class ZosRecordMirror implements RecordMirror {
  private writing: Promise<void> = Promise.resolve();
  private next: Promise<void> | undefined;
  private indexed = false;
  /** Made once: it remembers that the library exists and the index it last wrote. */
  private made: ZosRunLibrary | undefined;
  private where: string | undefined;
  private problem: string | undefined;

  constructor(
    private readonly library: () => ZosRunLibrary,
    private readonly sink?: ProgressSink,
  ) {}

  get state(): ZosRecordState {
    return this.problem ? { problem: this.problem } : this.where ? { where: this.where } : {};
  }

  /**
   * Looks ahead while the run plans (reads only): whether the library exists and what its index
   * holds, so the record's first write sends only writes. Its trouble shows on that write.
   */
  prepare(): void {
    try {
      (this.made ??= this.library()).prepare();
    } catch {
      // The library's name is refused on the first write, with the warning it deserves.
    }
  }

  update(data: RunRecordData, final: boolean): Promise<void> {
    if (this.problem && !final) return Promise.resolve();
    if (this.next && !final) return this.next;
    const next = this.writing.then(() => {
      if (this.next === next) this.next = undefined;
      return this.writeNow(data, final);
    });
    if (!final) this.next = next;
    this.writing = next;
    return next;
  }

  private async writeNow(data: RunRecordData, final: boolean): Promise<void> {
    if (this.problem && !final) return;
    try {
      const library = (this.made ??= this.library());
      const { where, created } = await library.write(data);
      if (created) this.say("info", `created ${library.dsn} (PDSE, FB 80) to keep run records beside the backups`);
      // Listed when it starts (so others see it running) and when it ends.
      if (!this.indexed || final) await library.index(data);
      this.indexed = true;
      this.where = where;
      this.problem = undefined;
    } catch (err) {
      const first = this.problem === undefined;
      this.problem = redactMessage(err instanceof Error ? err.message : String(err));
      if (first) this.say("warn", `the run record could not be written to z/OS (${this.problem}); it is kept only in the local folder`);
    }
  }

  private say(level: "info" | "warn", text: string): void {
    this.sink?.onEvent({ type: "message", level, text });
  }
}
