import type { IHandlerResponseApi, ITaskWithStatus } from "@zowe/imperative";
import { TaskStage } from "@zowe/imperative";
import type { EngineEvent, ProgressSink } from "../src/engine/types";

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

  constructor(private readonly response: IHandlerResponseApi) {}

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
        this.task.statusMessage = event.message;
        break;
      case "step-end":
        this.done++;
        this.task.percentComplete = this.total > 0 ? Math.min(99, Math.round((100 * this.done) / this.total)) : 0;
        this.task.statusMessage = `${event.outcome.id}: ${event.outcome.state}`;
        break;
      case "message":
        if (event.level === "warn") this.warnings.push(event.text);
        else this.task.statusMessage = event.text;
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
    this.task.statusMessage = message;
    if (!this.active) {
      this.response.progress.startBar({ task: this.task });
      this.active = true;
    }
  }
}
