import type { ApplyContext, Change, PlannedStep } from "../../engine/types";
import { HaError } from "../../errors";
import { listenersOn, parseNetstat } from "../../parsers";
import { systemByName } from "../../topology";
import { pollUntil } from "../../zosmf";
import type { StepSpec } from "../context";
import { issueCommand, netstatComplete } from "../ops/console";
import { makeStep } from "../step";

async function listening(spec: StepSpec, system: string, record?: { ctx: ApplyContext; stepId: string }): Promise<boolean> {
  const { env } = spec;
  const proc = systemByName(env.topology, system).tcpip.proc;
  const port = env.topology.zosmfHa!.port;
  const r = await issueCommand({ client: env.client, system, command: `D TCPIP,${proc},N,ALLCONN`, delayMs: env.consoleDelayMs, isComplete: netstatComplete, ...(record ? { record } : {}) });
  const server = systemByName(env.topology, system).zosmf!.serverProc;
  return listenersOn(parseNetstat("CONN", r.text), { port }).some((e) => e.user === server);
}

async function angelActive(spec: StepSpec, system: string): Promise<boolean> {
  const angel = spec.env.topology.zosmfHa!.angelProc;
  const r = await issueCommand({ client: spec.env.client, system, command: `D A,${angel}`, delayMs: spec.env.consoleDelayMs, isComplete: (t) => /IEE115I|IEE\d{3}I/.test(t) });
  return r.lines.some((l) => new RegExp(`\\b${angel}\\b`).test(l) && !/NOT FOUND/i.test(l));
}

export async function planStart(spec: StepSpec, system: string): Promise<PlannedStep> {
  const { env } = spec;
  const t = env.topology;
  const ha = t.zosmfHa!;
  const server = systemByName(t, system).zosmf!.serverProc;
  const step = spec.workflow.step(spec.stepId);
  if (await listening(spec, system)) {
    return makeStep(spec, { title: step.title, system, observed: `${server} listens on port ${ha.port}`, changes: [], apply: async () => ({ state: "unchanged" }) });
  }
  const angelUp = await angelActive(spec, system);
  const changes: Change[] = [
    ...(angelUp ? [] : [{ kind: "command" as const, system, command: `S ${ha.angelProc}`, purpose: "start the z/OSMF angel process" }]),
    { kind: "command", system, command: `S ${server}`, purpose: `start the z/OSMF server; then wait until it listens on port ${ha.port}` },
  ];
  return makeStep(spec, {
    title: step.title,
    system,
    observed: `${server} does not listen on port ${ha.port}; angel ${ha.angelProc} ${angelUp ? "is active" : "is not active"}`,
    changes,
    apply: async (ctx) => {
      const record = { ctx, stepId: spec.id };
      for (const c of changes) {
        if (c.kind !== "command") continue;
        const r = await issueCommand({ client: env.client, system, command: c.command, delayMs: env.consoleDelayMs, record, isComplete: (text) => text.trim() !== "" });
        const refused = r.lines.find((l) => /\b(IEE\d{3}I|IEF\d{3}I)\b.*(NOT FOUND|INVALID|REJECTED|ERROR)/i.test(l));
        if (refused) throw new HaError(`${c.command} on ${system} was refused: ${refused.trim()}`, { failureClass: "zos-failure", details: [...r.lines] });
        // A server that already ended will never listen: say why now instead of waiting out the timeout.
        const failed = r.lines.find((l) => /\b(IZUG\d{3,4}E|CWWK\w+E)\b/.test(l));
        const ended = r.lines.some((l) => new RegExp(`\\b(IEF404I|\\$HASP395)\\s+${c.command.slice(2).trim()}\\b`).test(l));
        if (failed || ended) {
          throw new HaError(`${c.command} on ${system}: the task ended${failed ? `: ${failed.trim()}` : ""}`, { failureClass: "zos-failure", details: [...r.lines] });
        }
      }
      await pollUntil({
        check: async () => ((await listening(spec, system, record)) ? true : undefined),
        timeoutMs: env.jobTimeoutMs,
        initialDelayMs: 200,
        maxDelayMs: 5_000,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onTimeout: () => new HaError(`${server} on ${system} did not listen on port ${ha.port} within ${env.jobTimeoutMs} ms.`, { failureClass: "zos-failure", details: ["Look at the server's job log for IZUG and CWWK messages."] }),
      });
      return { state: "changed", notes: [`${server} listens on port ${ha.port}`] };
    },
  });
}
