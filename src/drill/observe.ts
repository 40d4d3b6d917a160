import type { VdptEntry } from "../parsers";
import { issueCommand } from "../provision/ops/console";
import { sameAddress } from "../tcpip/addresses";
import { readDisplay } from "../tcpip/display";
import { netstatCommand, netstatComplete } from "../tcpip/netstat";
import type { Topology } from "../topology";
import { ZosmfError, type ZosmfClient, type ZosmfInfo } from "../zosmf";
import { instancesOf, type DrillTarget } from "./target";

/** What one look at the distributor and the DVIPA saw. */
export interface Sample {
  /** Milliseconds since the phase started. */
  readonly at: number;
  /** Systems the distributor sends new connections to: the Active one (HOTSTANDBY), else every ready one. Null: the VDPT was not readable. */
  readonly receiving: readonly string[] | null;
  /** Systems with a ready listener (Rdy >= 1). */
  readonly ready: readonly string[];
  /** The DVIPA answered. */
  readonly answered: boolean;
  /** Who answered, when the answer names a system of the topology. */
  readonly answeredBy?: string;
  /** Why the VDPT could not be read, or the DVIPA did not answer. */
  readonly note?: string;
}

export interface Observer {
  /** Reads the VDPT and probes the DVIPA once. */
  look(at: number): Promise<Sample>;
  /** The distributor's VDPT only. */
  vdpt(): Promise<Pick<Sample, "receiving" | "ready" | "note">>;
}

export interface ObserverDeps {
  readonly topology: Topology;
  readonly target: DrillTarget;
  readonly client: ZosmfClient;
  readonly consoleDelayMs: number;
  readonly endpointInfo: () => Promise<ZosmfInfo>;
}

const isActive = (e: VdptEntry): boolean => (e.flg ?? "").split(/\s+/).includes("ACTIVE");

/** The system whose hostname or name a /zosmf/info answer carries, if any. */
function answeredBy(t: Topology, info: ZosmfInfo): string | undefined {
  const host = (info.zosmf_hostname ?? "").toLowerCase();
  if (host === "") return undefined;
  return t.systems.find((s) => s.name.toLowerCase() === host || s.hostname.toLowerCase() === host)?.name;
}

/**
 * No HTTP answer at all (refused, dropped, timed out) is "nothing answered". For a service,
 * any HTTP answer counts: it is not z/OSMF and need not know /zosmf/info.
 */
function answeredAnyway(target: DrillTarget, err: unknown): boolean {
  if (target.zosmf || !(err instanceof ZosmfError)) return false;
  return !["unreachable", "timeout", "tls"].includes(err.kind);
}

/** Who receives and who is ready in one VDPT answer, for the drilled DVIPA and port. */
function readVdpt(target: DrillTarget, text: string, where: string): Pick<Sample, "receiving" | "ready" | "note"> {
  const nameOf = (xcf: string | null) => instancesOf(target).find((i) => xcf !== null && sameAddress(i.xcf, xcf))?.system;
  const shown = readDisplay("VDPT", text);
  if (shown.state !== "ok") {
    const why =
      shown.state === "refused"
        ? `${shown.messageId} ${shown.text}`
        : shown.state === "unrecognised"
          ? shown.firstLines.join(" / ")
          : shown.notInSysplex.message;
    return { receiving: null, ready: [], note: `${where}: ${why}` };
  }
  const entries = shown.data.entries.filter(
    (e) => e.target === "stack" && sameAddress(e.destAddress, target.dvipa) && e.destPort === target.port,
  );
  const ready = entries
    .filter((e) => (e.rdy ?? 0) >= 1)
    .map((e) => nameOf(e.destXcf))
    .filter((n): n is string => n !== undefined);
  const receiving = target.hotStandby
    ? entries.filter(isActive).map((e) => nameOf(e.destXcf) ?? `${e.destXcf ?? "?"} (not a target of the topology)`)
    : ready;
  return { receiving, ready };
}

export function createObserver(d: ObserverDeps): Observer {
  const { target } = d;
  const distributor = d.topology.systems.find((s) => s.name === target.distributor)!;
  const command = netstatCommand(distributor.tcpip.proc, { report: "VDPT", options: ["DETAIL"] });

  const vdpt: Observer["vdpt"] = async () => {
    let text: string;
    try {
      text = (
        await issueCommand({
          client: d.client,
          system: target.distributor,
          command,
          delayMs: d.consoleDelayMs,
          isComplete: netstatComplete,
        })
      ).text;
    } catch (err) {
      return { receiving: null, ready: [], note: `${command} on ${target.distributor}: ${(err as Error).message}` };
    }
    return readVdpt(target, text, `${command} on ${target.distributor}`);
  };

  const probe = async (): Promise<Pick<Sample, "answered" | "answeredBy" | "note">> => {
    try {
      const by = answeredBy(d.topology, await d.endpointInfo());
      return { answered: true, ...(by ? { answeredBy: by } : {}) };
    } catch (err) {
      if (answeredAnyway(target, err)) return { answered: true };
      return { answered: false, note: `https://${target.host}:${target.port}: ${(err as Error).message}` };
    }
  };

  return {
    vdpt,
    look: async (at) => {
      // One after the other: the answer is read right after the table it is judged against.
      const v = await vdpt();
      const p = await probe();
      const note = [v.note, p.note].filter(Boolean).join("; ");
      return {
        at,
        receiving: v.receiving,
        ready: v.ready,
        answered: p.answered,
        ...(p.answeredBy ? { answeredBy: p.answeredBy } : {}),
        ...(note ? { note } : {}),
      };
    },
  };
}
