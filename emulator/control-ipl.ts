/**
 * `/__emulator/system/<name>/ipl` and `/tcpip-restart`: an IPL and a TCP/IP stack restart as
 * z/OS does them (operator/ipl.ts). Both answer with the console messages the system issued.
 *
 *   POST system/<n>/ipl            {durationMs?}  down now; back at once (0, the default) or
 *                                                 when the emulated clock reaches now + durationMs
 *   POST system/<n>/tcpip-restart                 the stack ends and starts from its profile
 */
import type { EmulatorContext } from "./http/context";
import type { Reply } from "./http/reply";
import { iplSystem, tcpipRestart } from "./operator/ipl";

export function handleIplControl(
  ctx: EmulatorContext,
  reply: Reply,
  name: string,
  action: "ipl" | "tcpip-restart",
  body: Record<string, unknown>,
): void {
  const sys = ctx.state.systems[name];
  const now = ctx.clock.now();
  if (action === "tcpip-restart") {
    if (!sys.up) return reply.json(409, { error: `system ${name} is down; its stack cannot be restarted` });
    const log = tcpipRestart(ctx.state, name, now);
    ctx.onStateChanged();
    return reply.json(200, { ok: true, system: name, log });
  }
  const duration = body.durationMs ?? 0;
  if (typeof duration !== "number" || !Number.isFinite(duration) || duration < 0)
    return reply.json(400, { error: "durationMs must be a number of milliseconds, 0 or more" });
  const log = iplSystem(ctx.state, name, now, duration);
  ctx.onStateChanged();
  reply.json(200, { ok: true, system: name, up: sys.up, returnsAt: sys.ipl?.returnsAt ?? null, log });
}
