import type { IHandlerResponseApi, ITaskWithStatus } from "@zowe/imperative";
import { TaskStage } from "@zowe/imperative";
import type { EngineEvent, ProgressSink } from "../src/engine/types";
import { barStatus } from "../src/report/wrap";

/**
 * Turns engine events into Zowe's single progress bar (stderr; imperative hides it
 * under --rfj and in CI). Warnings are kept and printed once the bar has ended.
 */
export class ProgressAdapter implements ProgressSink {
  private readonly task: ITaskWithStatus = { statusMessage: "Starting", percentComplete: 0, stageName: TaskStage.IN_PROGRESS };
  private active = false;
  private done = 0;
  private total = 0;
  readonly warnings: string[] = [];

  /** @param columns the terminal's width; not a terminal: 80. */
  constructor(
    private readonly response: IHandlerResponseApi,
    private readonly columns: () => number = () => (process.stderr.isTTY ? process.stderr.columns || 80 : 80),
  ) {}

  /** A status that wrapped would leave one stale bar line per update; it is cut to one line. */
  private set status(text: string) {
    this.task.statusMessage = barStatus(text, this.columns());
  }

  onEvent(event: EngineEvent): void {
    switch (event.type) {
      case "plan":
        this.total = event.steps.length;
        this.begin(`Planned ${event.steps.length} steps`);
        break;
      case "step-start":
        this.begin(`[${event.index}/${event.total}] ${event.id}: ${event.title}`);
        break;
      case "step-progress":
        this.status = event.message;
        break;
      case "step-end":
        this.done++;
        this.task.percentComplete = this.total > 0 ? Math.min(99, Math.round((100 * this.done) / this.total)) : 0;
        this.status = `${event.outcome.id}: ${event.outcome.state}`;
        break;
      case "message":
        if (event.level === "warn") this.warnings.push(event.text);
        else this.status = event.text;
        break;
    }
  }

  end(): void {
    if (this.active) {
      this.task.percentComplete = 100;
      this.task.stageName = TaskStage.COMPLETE;
      this.response.progress.endBar();
      this.active = false;
    }
  }

  private begin(message: string): void {
    this.status = message;
    if (!this.active) {
      this.response.progress.startBar({ task: this.task });
      this.active = true;
    }
  }
}
