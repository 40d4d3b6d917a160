import { isDisplayCommand } from "../engine/sent";
import { HaError } from "../errors";
import { netstatComplete } from "../tcpip/netstat";
import type { Connection, Topology, TopologySystem } from "../topology";
import { CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED, ZosmfError } from "../zosmf";
import { readRouted, type RoutedGroup } from "./routed-reads";
import type { Read, ReadContext, ReadFailureKind, ReadSpec, VerifyClient } from "./types";
import { provenOrSettled } from "./whole";

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.replace(/\s+/g, " ").trim();
  return String(err);
}

/** z/OS's answer to a command routed to a name that is not an active system of the sysplex (facts 3.2, 10.2). */
export const ROUTE_REJECTED = "IEE618I";

/** Sorts a failure into what the checks need to know: no answer, system down, or z/OS said no. */
export function classifyFailure(err: unknown): { kind: ReadFailureKind; message: string; unanswered?: boolean } {
  const message = describeError(err);
  if (err instanceof ZosmfError) {
    // The message id decides; keep z/OS's own line rather than the HTTP wrapping around it.
    if (err.kind === "rejected" && message.includes(ROUTE_REJECTED)) {
      return { kind: "down", message: (new RegExp(`\\b${ROUTE_REJECTED}\\b.*$`).exec(message)?.[0] ?? message).replace(/\.$/, "") };
    }
    if (err.kind === "unreachable" || err.kind === "timeout") return { kind: "unreadable", message, unanswered: true };
    return { kind: err.failureClass === "zos-failure" ? "answer" : "unreadable", message };
  }
  if (err instanceof HaError && err.failureClass === "zos-failure") return { kind: "answer", message };
  return { kind: "unreadable", message };
}

export interface ReadRunOptions {
  readonly topology: Topology;
  /** Undefined for the sysplex-wide reads. */
  readonly system?: TopologySystem;
  readonly specs: readonly ReadSpec[];
  readonly clientFor: (connection: Connection) => Promise<VerifyClient>;
  readonly endpointInfo: ReadContext["endpointInfo"];
  readonly timeoutMs: number;
}

/**
 * Issues a display and returns its whole answer. Verify only looks: any console command other
 * than a display is refused before it is sent; and a display cut short is not the whole answer
 * (a system missing from it is unknown, not absent), so it fails as unreadable.
 */
async function displayWhole(
  client: VerifyClient,
  command: string,
  where: { readonly system: string | undefined; readonly proof: ((text: string) => boolean) | undefined },
  signal: AbortSignal,
): Promise<string> {
  if (!isDisplayCommand(command)) {
    throw new HaError(`verify refused to issue '${command}': only display commands are allowed`, { failureClass: "tool-failure" });
  }
  const { system, proof } = where;
  // NETSTAT reports end with a trailer; an answer the caller can prove whole needs no follow-up;
  // any other is whole once a follow-up after the pause brings nothing more.
  const isComplete = /^\s*D(ISPLAY)?\s+TCPIP\b/i.test(command) ? netstatComplete : proof && provenOrSettled(proof);
  const res = await client.console.issue(command, {
    ...(system ? { system } : {}),
    safeToRepeat: true,
    collect: {
      ...(isComplete ? { isComplete } : {}),
      delayMs: 500,
      maxFollowUps: CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED,
    },
    signal,
  });
  if (!res.complete) {
    throw new HaError(`the answer to ${command} was still incomplete after ${res.followUps} follow-up reads`, {
      failureClass: "tool-failure",
      details: res.lines.slice(-3),
    });
  }
  return res.text;
}

/**
 * Runs one system's reads in parallel under one deadline. Whatever has not answered
 * by then is recorded as unreadable and its late answer ignored, so one slow system
 * cannot hold up or hide the others.
 */
export async function runReads(options: ReadRunOptions): Promise<Map<string, Read<unknown>>> {
  const { system, timeoutMs } = options;
  const abort = new AbortController();
  const results = new Map<string, Read<unknown>>();
  let closed = false;
  const ctx: ReadContext = {
    topology: options.topology,
    system,
    client: (connection) => options.clientFor(connection ?? system?.connection ?? {}),
    endpointInfo: options.endpointInfo,
    display: async (command, proof) => displayWhole(await ctx.client(), command, { system: system?.name, proof }, abort.signal),
    signal: abort.signal,
  };
  const settle = (key: string, read: Read<unknown>): void => {
    if (!closed) results.set(key, read);
  };
  const all = Promise.all(
    options.specs.map((spec) =>
      spec.run(ctx).then(
        (value) => settle(spec.key, { ok: true, value }),
        (err) => settle(spec.key, { ok: false, ...classifyFailure(err) }),
      ),
    ),
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([all, deadline]);
  clearTimeout(timer);
  closed = true;
  abort.abort();
  for (const spec of options.specs) {
    if (!results.has(spec.key)) {
      results.set(spec.key, {
        ok: false,
        kind: "unreadable",
        unanswered: true,
        message: `no answer within ${Math.round(timeoutMs / 100) / 10} s`,
      });
    }
  }
  return results;
}

/**
 * The routed displays, each under the same deadline as a system's reads, split per system.
 * When the routed command itself fails, every system it was for has that failure; never
 * "down" for all of them, since one answer cannot say which system is meant.
 */
export async function runRouted(
  options: Omit<ReadRunOptions, "specs" | "system"> & { groups: readonly RoutedGroup[] },
): Promise<Map<string, Map<string, Read<unknown>>>> {
  const specs = options.groups.map((g, i) => ({
    key: String(i),
    run: async (ctx: ReadContext) => routedOrAlone(await ctx.client(g.connection), g, ctx.signal ?? new AbortController().signal),
  }));
  const results = specs.length > 0 ? await runReads({ ...options, specs }) : new Map<string, Read<unknown>>();
  const out = new Map<string, Map<string, Read<unknown>>>();
  options.groups.forEach((g, i) => {
    const read = results.get(String(i))!;
    for (const system of g.systems) {
      const own: Read<unknown> = read.ok
        ? ((read.value as Map<string, Read<unknown>>).get(system) ?? { ok: false, kind: "unreadable", message: `no answer for ${system}` })
        : { ...read, kind: read.kind === "down" ? "unreadable" : read.kind };
      out.set(system, (out.get(system) ?? new Map()).set(g.key, own));
    }
  });
  return out;
}

/** z/OS's answer when the user may not route the command (facts 3.2). */
const ROUTE_NOT_AUTHORISED = "IEE345I";

/** A ROUTE the user may not issue: each system is asked alone, as verify does without routing. */
async function routedOrAlone(client: VerifyClient, g: RoutedGroup, signal: AbortSignal): Promise<Map<string, Read<unknown>>> {
  try {
    return await readRouted(client, g, signal);
  } catch (err) {
    if (!(err instanceof ZosmfError && err.kind === "rejected" && describeError(err).includes(ROUTE_NOT_AUTHORISED))) throw err;
    const alone = g.systems.map(async (system): Promise<[string, Read<unknown>]> => {
      try {
        const proof = g.display.isWhole ?? g.display.looksWhole;
        return [system, { ok: true, value: await displayWhole(client, g.display.command, { system, proof }, signal) }];
      } catch (e) {
        return [system, { ok: false, ...classifyFailure(e) }];
      }
    });
    return new Map(await Promise.all(alone));
  }
}

/** One spec per key: modules that need the same display share one command. */
export function uniqueSpecs(specs: readonly ReadSpec[]): ReadSpec[] {
  const seen = new Map<string, ReadSpec>();
  for (const spec of specs) if (!seen.has(spec.key)) seen.set(spec.key, spec);
  return [...seen.values()];
}
