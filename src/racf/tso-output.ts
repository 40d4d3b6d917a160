/**
 * Splits the SYSTSPRT of a TSO batch job into each command's echo (after READY) and the
 * messages that follow it; lines tied to no echoed command are kept apart, never dropped.
 */
export interface TsoCommandOutput {
  readonly command: string;
  readonly messages: readonly string[];
}

export function splitTsoOutput(systsprt: string): TsoCommandOutput[] {
  return readTsoOutput(systsprt).outputs;
}

/** Each command's output, and the lines tied to no echoed command: before the first READY, or after END. */
export function readTsoOutput(systsprt: string): { outputs: TsoCommandOutput[]; stray: string[] } {
  const stray: string[] = [];
  const out: { command: string; messages: string[] }[] = [];
  let current: { command: string; messages: string[] } | null = null;
  let expectCommand = false;
  let ended = false;
  // An echo printed as its input lines ends each but the last with a continuation mark.
  let echoContinues = false;
  for (const raw of systsprt.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    if (echoContinues && current) {
      current.command = `${current.command.replace(/[-+]$/, "")} ${trimmed}`;
      echoContinues = /[-+]$/.test(trimmed);
      continue;
    }
    if (trimmed === "") {
      current?.messages.push("");
      continue;
    }
    if (trimmed === "READY" && !ended) {
      expectCommand = true;
      current = null;
      continue;
    }
    if (ended) {
      stray.push(trimmed);
      continue;
    }
    if (trimmed === "END" && expectCommand) {
      ended = true;
      continue;
    }
    if (expectCommand) {
      current = { command: trimmed, messages: [] };
      out.push(current);
      expectCommand = false;
      echoContinues = /\s[-+]$/.test(trimmed);
      continue;
    }
    if (current) current.messages.push(line);
    else stray.push(trimmed);
  }
  return { outputs: out, stray };
}

/** Whether a command's echo in SYSTSPRT is this command: blanks and TSO continuation marks do not count, nor case. */
export function sameCommand(echo: string, command: string): boolean {
  const norm = (text: string) =>
    text
      .replace(/\s*-\s*$/gm, " ")
      .replace(/\s+/g, " ")
      .trim()
      .toUpperCase();
  return norm(echo) === norm(command);
}

/** The output of this listing command among a job's command outputs; undefined when it did not run. */
export function outputOf(outputs: readonly TsoCommandOutput[], command: string): TsoCommandOutput | undefined {
  return outputs.find((o) => sameCommand(o.command, command));
}
