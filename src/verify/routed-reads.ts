/**
 * Displays every system is asked alike, asked once: `RO *ALL,cmd` brings the answer of every
 * system of the sysplex in one IEE421I response, which is split back per system and stored
 * under each system's read, so the checks read it as if each system had been asked alone.
 * A system the response does not answer for is unknown for that display, never healthy.
 */
import { isDisplayCommand } from "../engine/sent";
import { HaError } from "../errors";
import { parseRouteAll, ROUTE_ALL_ID, routeAllCommand, type RoutedResponse } from "../parsers";
import type { Connection, Topology, TopologySystem } from "../topology";
import { CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED } from "../zosmf";
import type { Read, ReadSpec, RoutedDisplay, VerifyClient } from "./types";
import { provenOrSettled } from "./whole";

/** One display for several systems that share a connection. */
export interface RoutedGroup {
  readonly key: string;
  readonly connection: Connection;
  readonly display: RoutedDisplay;
  readonly systems: readonly string[];
}

const connectionKey = (c: Connection) => JSON.stringify(c);
const hasProof = (d: RoutedDisplay) => d.isWhole !== undefined || d.looksWhole !== undefined;
/** A system's answer is whole only when it has text and passes the display's test: an empty answer never is. */
const answerIsWhole = (d: RoutedDisplay, text: string | undefined) =>
  text !== undefined && text.trim() !== "" && (d.isWhole ?? d.looksWhole)?.(text) === true;

/**
 * The reads that can be one routed display: the same command wanted by every system reached
 * through the same connection, when there are at least two of them. The rest stay per system.
 */
export function planRouted(t: Topology, wanted: ReadonlyMap<string, readonly ReadSpec[]>): RoutedGroup[] {
  const byConnection = new Map<string, TopologySystem[]>();
  for (const s of t.systems) byConnection.set(connectionKey(s.connection), [...(byConnection.get(connectionKey(s.connection)) ?? []), s]);
  const groups: RoutedGroup[] = [];
  for (const systems of byConnection.values()) {
    if (systems.length < 2) continue;
    const [first, ...rest] = systems.map((s) => wanted.get(s.name) ?? []);
    for (const spec of first!) {
      const command = spec.display?.command;
      // Only a display that can tell a whole answer is routed: without that test an empty or cut
      // answer would pass for one, so such a display is asked of each system alone.
      if (command === undefined || !hasProof(spec.display!)) continue;
      if (!rest.every((specs) => specs.some((o) => o.key === spec.key && o.display?.command === command))) continue;
      groups.push({
        key: spec.key,
        connection: systems[0]!.connection,
        display: spec.display!,
        systems: systems.map((s) => s.name.toUpperCase()),
      });
    }
  }
  return groups;
}

/** Whole when every system has answered (and its answer passes the display's own test), or named as not answering. */
function wholeTest(display: RoutedDisplay, systems: readonly string[]): (text: string) => boolean {
  return provenOrSettled((text) => {
    const p = parseRouteAll(text);
    return p.ok && systems.every((s) => p.noResponse.includes(s) || answerIsWhole(display, p.answers.get(s)));
  });
}

function answerOf(p: Extract<RoutedResponse, { ok: true }>, system: string, g: RoutedGroup, command: string): Read<unknown> {
  const text = p.answers.get(system);
  if (text !== undefined) {
    if (text.trim() === "") return { ok: false, kind: "unreadable", message: `${system} gave an empty answer to ${command}` };
    if (g.display.isWhole && !g.display.isWhole(text))
      return { ok: false, kind: "unreadable", message: `the answer of ${system} to ${command} is not whole` };
    return { ok: true, value: text };
  }
  const why = p.noResponse.includes(system)
    ? `${system} did not answer ${command} in time (${ROUTE_ALL_ID} lists it under NO RESPONSE RECEIVED)`
    : `${system} is not among the systems that answered ${command}`;
  return { ok: false, kind: "unreadable", message: why };
}

/** Issues the routed display and returns each system's read. */
export async function readRouted(client: VerifyClient, g: RoutedGroup, signal: AbortSignal): Promise<Map<string, Read<unknown>>> {
  if (!isDisplayCommand(g.display.command)) {
    throw new HaError(`verify refused to issue '${g.display.command}': only display commands are allowed`, {
      failureClass: "tool-failure",
    });
  }
  const command = routeAllCommand(g.display.command);
  const res = await client.console.issue(command, {
    safeToRepeat: true,
    collect: { isComplete: wholeTest(g.display, g.systems), delayMs: 500, maxFollowUps: CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED },
    signal,
  });
  const parsed = parseRouteAll(res.text);
  if (!parsed.ok) {
    throw new HaError(`the answer to ${command} is not an ${ROUTE_ALL_ID} response`, {
      failureClass: "tool-failure",
      details: parsed.lines,
    });
  }
  const incomplete = `the answer to ${command} was still incomplete after ${res.followUps} follow-up reads`;
  return new Map(
    g.systems.map((s): [string, Read<unknown>] => {
      const read = answerOf(parsed, s, g, command);
      // Follow-ups ran out: only an answer that shows its own end is whole.
      const whole = read.ok && (res.complete || answerIsWhole(g.display, read.value as string));
      return [s, whole || (!read.ok && res.complete) ? read : { ok: false, kind: "unreadable", message: incomplete }];
    }),
  );
}
