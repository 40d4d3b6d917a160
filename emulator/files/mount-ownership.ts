/**
 * What a shared file system does with the mounts of a system that leaves the sysplex,
 * by the mount's AUTOMOVE attribute (facts §10.4; IBM "Managing the movement of data",
 * SETOMVS/chmount: AUTOMOVE, the default, lets ownership move; UNMOUNT unmounts the file
 * system and everything mounted in it; NOAUTOMOVE leaves it unowned).
 */
import type { EmulatorState, Mount } from "../state";

/** Ownership of `down`'s mounts after it left. */
export function releaseMountsOf(state: EmulatorState, down: string): void {
  // INF: z/OS picks one of the active systems; the emulator takes the first in sysplex order.
  const heir = Object.values(state.systems).find((s) => s.up && s.name !== down)?.name;
  const gone = state.mounts.filter((m) => m.sysname === down && m.automove === "unmount");
  const under = (m: Mount) =>
    gone.some((g) => m.mountpoint === g.mountpoint || m.mountpoint.startsWith(`${g.mountpoint.replace(/\/$/, "")}/`));
  state.mounts = state.mounts.filter((m) => !under(m));
  for (const m of state.mounts) {
    // NOAUTOMOVE: unowned until its owner is back (INF: the listing keeps showing the last owner).
    if (m.sysname === down && (m.automove ?? "yes") === "yes" && heir !== undefined) m.sysname = heir;
  }
}
