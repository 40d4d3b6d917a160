/**
 * The emulated clock. Job progress and dates are computed from it, never from Date.now()
 * directly, so tests can freeze and advance time through the control API.
 */
export interface ClockOptions {
  /** Wall-clock time that emulated time 0 stands for (ms since 1970). */
  epochMs?: number;
  /** Start frozen (manual mode): time moves only through advance(). */
  manual?: boolean;
}

export class Clock {
  private readonly realStart = performance.now();
  private offsetMs = 0;
  private frozenAt: number | null;
  readonly epochMs: number;

  constructor(options: ClockOptions = {}) {
    this.epochMs = options.epochMs ?? Date.now();
    this.frozenAt = options.manual ? 0 : null;
  }

  /** Emulated ms since start. */
  now(): number {
    if (this.frozenAt !== null) return this.frozenAt + this.offsetMs;
    return Math.floor(performance.now() - this.realStart) + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += Math.max(0, ms);
  }

  /** Switch between real elapsed time and a frozen clock, keeping the current reading. */
  setManual(manual: boolean): void {
    const current = this.now();
    this.offsetMs = 0;
    if (manual) this.frozenAt = current;
    else {
      this.frozenAt = null;
      this.offsetMs = current - Math.floor(performance.now() - this.realStart);
    }
  }

  get manual(): boolean {
    return this.frozenAt !== null;
  }

  date(at: number = this.now()): Date {
    return new Date(this.epochMs + at);
  }

  iso(at: number = this.now()): string {
    return this.date(at).toISOString();
  }
}
