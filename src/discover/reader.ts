import { isDisplayCommand } from "../engine/sent";
import { HaError } from "../errors";
import { netstatComplete } from "../tcpip/netstat";
import { CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED, ZosmfError, type MountedFileSystem, type ZosmfClient, type ZosmfInfo } from "../zosmf";

/*
 * Everything discover sends to z/OS goes through here: GET requests and display commands,
 * nothing else. A command that is not a display is refused before it is sent.
 */

export interface DiscoverReader {
  /** The whole answer to a display; `system` routes it. */
  display(command: string, system?: string): Promise<string>;
  /** A member's text; null when the data set or member does not exist. */
  member(dsn: string, member: string): Promise<string | null>;
  /** The member names; null when the data set does not exist. */
  members(dsn: string, pattern?: string): Promise<string[] | null>;
  /** The data sets at or below a level, with their volume. */
  datasets(level: string): Promise<{ dsname: string; vol?: string }[]>;
  mounts(path: string): Promise<MountedFileSystem[]>;
  /** A z/OS UNIX file's text; null when it does not exist. */
  uss(path: string): Promise<string | null>;
  info(): Promise<ZosmfInfo>;
}

const notFound = (err: unknown) => err instanceof ZosmfError && err.kind === "not-found";

async function orNull<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (err) {
    if (notFound(err)) return null;
    throw err;
  }
}

export function discoverReader(client: ZosmfClient, signal?: AbortSignal): DiscoverReader {
  return {
    async display(command, system) {
      if (!isDisplayCommand(command)) {
        throw new HaError(`discover refused to issue '${command}': it issues display commands only`, { failureClass: "tool-failure" });
      }
      const res = await client.console.issue(command, {
        ...(system ? { system } : {}),
        safeToRepeat: true,
        collect: {
          ...(/^\s*D(ISPLAY)?\s+TCPIP\b/i.test(command) ? { isComplete: netstatComplete } : {}),
          delayMs: 200,
          maxFollowUps: CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED,
        },
        ...(signal ? { signal } : {}),
      });
      if (!res.complete) {
        throw new HaError(`the answer to ${command} was still incomplete after ${res.followUps} follow-up reads`, {
          failureClass: "tool-failure",
          details: res.lines.slice(-3),
        });
      }
      return res.text;
    },
    member: async (dsn, member) => orNull(client.files.read(dsn, member).then((c) => c.text)),
    members: async (dsn, pattern) => orNull(client.files.listMembers(dsn, pattern === undefined ? {} : { pattern })),
    datasets: async (level) => (await orNull(client.files.listDatasets(level, { attributes: true }))) ?? [],
    mounts: async (path) => client.files.listMounts({ path }),
    uss: async (path) => orNull(client.files.readUss(path).then((c) => c.text)),
    info: async () => client.info(),
  };
}
