/**
 * `POST /__emulator/system/<n>/share`: what a system shares with the sysplex, changed for a
 * test (operator/sysplex-share.ts). Fields left out keep their value.
 *
 *   {racfPrimary?: "DSN", racfVolume?: "VOLSER"}   the RACF primary data set RVARY LIST shows
 *   {jes2Mas?: "NAME"}                            the MAS its JES2 is a member of
 *   {omvsSysplex?: boolean}                       BPXPRMxx SYSPLEX(YES) or (NO)
 */
import type { EmulatorContext } from "./http/context";
import type { Reply } from "./http/reply";
import { shareOf } from "./operator/sysplex-share";

export function handleShareControl(ctx: EmulatorContext, reply: Reply, name: string, body: Record<string, unknown>): void {
  const sys = ctx.state.systems[name];
  const share = structuredClone(shareOf(sys));
  const { racfPrimary, racfVolume, jes2Mas, omvsSysplex } = body;
  const text = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() !== "");
  if (!text(racfPrimary) || !text(racfVolume) || !text(jes2Mas))
    return reply.json(400, { error: "racfPrimary, racfVolume and jes2Mas must be non-empty strings" });
  if (omvsSysplex !== undefined && typeof omvsSysplex !== "boolean") return reply.json(400, { error: "omvsSysplex must be true or false" });
  if (typeof racfPrimary === "string") share.racf.primary.dsn = racfPrimary.toUpperCase();
  if (typeof racfVolume === "string") share.racf.primary.volser = racfVolume.toUpperCase();
  if (typeof jes2Mas === "string") share.jes2.mas = jes2Mas.toUpperCase();
  if (typeof omvsSysplex === "boolean") share.omvsSysplex = omvsSysplex;
  sys.share = share;
  ctx.onStateChanged();
  reply.json(200, { ok: true, system: name, share });
}
