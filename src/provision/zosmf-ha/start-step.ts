import type { ApplyContext, Change, PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { listenersOn, parseDisplayActive, parseNetstat, type TaskPresence } from "../../parsers";
import { systemByName } from "../../topology";
import { systemField } from "../../templates/topology-fields";
import { pollUntil, type JobDocument } from "../../zosmf";
import type { StepSpec } from "../context";
import { netstatCommand, netstatComplete } from "../../tcpip/netstat";
import { commandOperand, issueCommand } from "../ops/console";
import { makeStep } from "../step";

type CommandRecord = { ctx: ApplyContext; stepId: string };

async function listening(spec: StepSpec, system: string, record?: CommandRecord): Promise<boolean> {
  const { env } = spec;
  const proc = commandOperand(systemByName(env.topology, system).tcpip.proc, "name", `${systemField(env.topology, system)}.tcpip.proc`);
  const port = env.topology.zosmfHa!.port;
  const r = await issueCommand({
    client: env.client,
    system,
    command: netstatCommand(proc, { report: "CONN", word: "ALLCONN" }),
    delayMs: env.consoleDelayMs,
    isComplete: netstatComplete,
    ...(record ? { record } : {}),
  });
  const server = systemByName(env.topology, system).zosmf!.serverProc;
  return listenersOn(parseNetstat("CONN", r.text), { port }).some((e) => e.user === server);
}

/** `D A,name`, read by message id (IEE115I); an answer that is not IEE115I is unknown. */
async function taskPresence(spec: StepSpec, system: string, name: string, field: string, record?: CommandRecord): Promise<TaskPresence> {
  const operand = commandOperand(name, "name", field);
  // Whole once the name's entry or its NOT FOUND line is in (a long answer comes in pieces), or at another IEE message.
  const isComplete = (t: string) => parseDisplayActive(t, name).state !== "unknown" || (/\bIEE\d{3}I\b/.test(t) && !/\bIEE115I\b/.test(t));
  const r = await issueCommand({
    client: spec.env.client,
    system,
    command: `D A,${operand}`,
    delayMs: spec.env.consoleDelayMs,
    isComplete,
    ...(record ? { record } : {}),
  });
  return parseDisplayActive(r.text, name);
}

function unknownAnswer(command: string, system: string, lines: readonly string[]): HaError {
  return new HaError(`The answer to ${command} on ${system} was not recognised, so whether the task runs is unknown.`, {
    failureClass: "zos-failure",
    details: lines.length ? lines : ["(no answer)"],
  });
}

/** Messages of a start that say it did not happen: JCL errors, an invalid or misrouted command. */
const REFUSED = /^\s*(IEE122I|IEE305I|IEE618I|IEFC\d{3}I)\b/;
/** Error messages of the z/OSMF server and its Liberty runtime (every CW component: CWWK…, CWPKI… for the key store). */
const SERVER_ERROR = /^\s*(IZUG\d{3,4}E|CW[A-Z]{3,4}\d{4}E)\b/;
/** JESMSGLG lines worth showing when a server ended: errors and the end of the task. */
const EXPLAINS =
  /(^|\s)(IZUG\d{3,4}[EW]|CW[A-Z]{3,4}\d{4}[EW]|IEFC\d{3}I|IEF404I|IEF450I|IEE122I|\$HASP395|\$HASP396|ICH\d{3,5}I|IRR\d{3,5}I)\b/;

/** The jobs of the server's name on the spool (any owner), by job id. */
async function serverJobs(spec: StepSpec, server: string): Promise<Map<string, JobDocument>> {
  const jobs = await spec.env.client.jobs.list({ owner: "*", prefix: server });
  return new Map(jobs.filter((j) => j.jobname.toUpperCase() === server).map((j) => [j.jobid, j]));
}

/** The lines of the ended task's JESMSGLG that say why, or the whole log when none stands out. */
async function whyItEnded(spec: StepSpec, job: JobDocument): Promise<string[]> {
  const ref = { jobname: job.jobname, jobid: job.jobid };
  const files = await spec.env.client.jobs.spoolFiles(ref);
  const msglg = files.find((f) => f.ddname === "JESMSGLG");
  if (!msglg) return [`${job.jobname} ${job.jobid} has no JESMSGLG.`];
  const lines = (await spec.env.client.jobs.readSpool(ref, msglg.id)).split(/\r?\n/).filter((l) => l.trim() !== "");
  const telling = lines.filter((l) => EXPLAINS.test(l));
  return telling.length ? telling : lines;
}

/** Issues one S command; an answer that says the start was refused or the task ended at once fails the step. */
async function issueStart(spec: StepSpec, system: string, command: string, record: CommandRecord): Promise<void> {
  const { env } = spec;
  const r = await issueCommand({
    client: env.client,
    system,
    command,
    delayMs: env.consoleDelayMs,
    record,
    isComplete: (text) => text.trim() !== "",
  });
  const refused = r.lines.find((l) => REFUSED.test(l));
  if (refused)
    throw new HaError(`${command} on ${system} was refused: ${refused.trim()}`, { failureClass: "zos-failure", details: [...r.lines] });
  const name = command.slice(2).trim();
  const failed = r.lines.find((l) => SERVER_ERROR.test(l));
  const ended = r.lines.some((l) => new RegExp(`^\\s*(IEF404I|\\$HASP395)\\s+${name}\\b`).test(l));
  if (failed || ended) {
    throw new HaError(`${command} on ${system}: the task ended${failed ? `: ${failed.trim()}` : ""}`, {
      failureClass: "zos-failure",
      details: [...r.lines],
    });
  }
}

interface StartedServer {
  readonly server: string;
  readonly serverField: string;
  /** Jobs of the server's name on the spool before the start, by job id. */
  readonly before: ReadonlyMap<string, JobDocument>;
  readonly record: CommandRecord;
  readonly signal: AbortSignal | undefined;
}

/** Polls until the server listens; a server that ended (or never became an address space) fails at once, saying why. */
async function waitUntilListening(spec: StepSpec, system: string, o: StartedServer): Promise<void> {
  const { env } = spec;
  const { server, serverField, before, record } = o;
  const port = env.topology.zosmfHa!.port;
  let notFound = 0;
  await pollUntil({
    check: async () => {
      if (await listening(spec, system, record)) return true;
      // A server that ended will never listen: say why now instead of waiting out the timeout.
      const task = await taskPresence(spec, system, server, serverField, record);
      if (task.state === "active") {
        notFound = 0;
        return undefined;
      }
      if (task.state === "unknown") throw unknownAnswer(`D A,${server}`, system, task.lines);
      const started = [...(await serverJobs(spec, server)).values()].filter((j) => !before.has(j.jobid));
      const done = started.find((j) => (j.status ?? "").toUpperCase() === "OUTPUT");
      if (done) {
        throw new HaError(
          `${server} on ${system} ended (${done.jobid}${done.retcode ? `, ${done.retcode}` : ""}) without listening on port ${port}.`,
          {
            failureClass: "zos-failure",
            details: await whyItEnded(spec, done),
          },
        );
      }
      // Not yet an address space, or already gone with no job of its own to read: twice in a row is an end.
      if (started.length === 0 && ++notFound >= 2) {
        throw new HaError(`${server} on ${system} is not running (D A,${server}: NOT FOUND) and no job of it is on the spool to say why.`, {
          failureClass: "zos-failure",
          details: [`Look for ${server} in the system log.`],
        });
      }
      return undefined;
    },
    timeoutMs: env.jobTimeoutMs,
    initialDelayMs: 200,
    maxDelayMs: 5_000,
    ...(o.signal ? { signal: o.signal } : {}),
    onTimeout: () =>
      new HaError(`${server} on ${system} did not listen on port ${port} within ${env.jobTimeoutMs} ms.`, {
        failureClass: "zos-failure",
        details: ["Look at the server's job log for IZUG and CW… (Liberty) messages."],
      }),
  });
}

export async function planStart(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const ha = t.zosmfHa!;
  const serverField = `${systemField(t, system)}.zosmf.serverProc`;
  // Both names go into S and D A commands, where a comma or blank would add an operand: checked here, before any command.
  const server = commandOperand(systemByName(t, system).zosmf!.serverProc, "name", serverField);
  const angelProc = commandOperand(ha.angelProc, "name", "zosmfHa.angelProc");
  const step = spec.workflow.step(spec.stepId);
  if (await listening(spec, system)) {
    return makeStep(spec, {
      title: step.title,
      system,
      observed: `${server} listens on port ${ha.port}`,
      changes: [],
      apply: async () => ({ state: "unchanged" }),
    });
  }
  const angel = await taskPresence(spec, system, angelProc, "zosmfHa.angelProc");
  if (angel.state === "unknown") throw unknownAnswer(`D A,${angelProc}`, system, angel.lines);
  const angelUp = angel.state === "active";
  const changes: Change[] = [
    ...(angelUp ? [] : [{ kind: "command" as const, system, command: `S ${angelProc}`, purpose: "start the z/OSMF angel process" }]),
    { kind: "command", system, command: `S ${server}`, purpose: `start the z/OSMF server; then wait until it listens on port ${ha.port}` },
  ];
  return makeStep(spec, {
    title: step.title,
    system,
    observed: `${server} does not listen on port ${ha.port}; angel ${angelProc} ${angelUp ? "is active" : "is not active"}`,
    changes,
    apply: async (ctx) => {
      const record = { ctx, stepId: spec.id };
      // Jobs of the server's name already on the spool are older runs; the one S starts is new.
      const before = await serverJobs(spec, server);
      for (const c of changes) if (c.kind === "command") await issueStart(spec, system, c.command, record);
      await waitUntilListening(spec, system, { server, serverField, before, record, signal: ctx.signal });
      return { state: "changed", notes: [`${server} listens on port ${ha.port}`] };
    },
  });
}
