import { IPV4_PATTERN } from "./formats";
import { clip, type PathSegment } from "./problems";
import { knownSystem, list, str, up, type RuleContext } from "./rule-context";

/** z/OSMF hot standby: who takes part, who distributes, and what must differ between servers. */
export function checkZosmfHa(ctx: RuleContext): void {
  const ha = ctx.t.zosmfHa;
  if (typeof ha !== "object" || ha === null) return;
  const at = (...path: PathSegment[]): PathSegment[] => ["zosmfHa", ...path];

  const preferred = knownSystem(ctx, at("preferred"), ha.preferred);
  const members = preferred === undefined ? [] : [preferred];
  const backupIndex = new Map<string, number>();
  list(ha.backups).forEach((backup, i) => {
    const path = at("backups", i, "system");
    const name = knownSystem(ctx, path, backup?.system);
    if (name === undefined) return;
    if (name === preferred) {
      ctx.report(path, "is the preferred system", `a system other than the preferred one (${preferred})`);
    } else if (backupIndex.has(name)) {
      ctx.report(path, `is already listed at zosmfHa.backups[${backupIndex.get(name)}]`, "each backup system once");
    } else {
      backupIndex.set(name, i);
      members.push(name);
    }
  });

  const systems = list(ctx.t.systems);
  const angel = up(ha.angelProc) ?? "IZUANG1";
  for (const name of members) {
    const index = ctx.known.get(name);
    if (index === undefined) continue;
    const zosmf = systems[index]?.zosmf;
    if (zosmf === undefined) {
      ctx.report(
        ["systems", index, "zosmf"],
        `is required because ${name} takes part in zosmfHa`,
        "a zosmf block with izuprmSuffix, autostartGroup, serverProc, userDir and zfs",
      );
    } else if (up(zosmf?.serverProc) === angel) {
      // The angel is shared by all servers; a server started under its name would clash with it.
      ctx.report(
        ["systems", index, "zosmf", "serverProc"],
        "is also the angel procedure (zosmfHa.angelProc)",
        `a procedure name other than ${clip(angel)}`,
      );
    }
  }

  const distributor = ha.distributor === undefined ? preferred : knownSystem(ctx, at("distributor"), ha.distributor);
  if (ha.distributorBackup !== undefined) {
    const backup = knownSystem(ctx, at("distributorBackup"), ha.distributorBackup);
    if (backup !== undefined && backup === distributor) {
      ctx.report(at("distributorBackup"), "is also the distributor", `a system other than the distributor (${distributor})`);
    }
  }

  // Every server's HOSTNAME must lead clients to the DVIPA, never to one system's own address.
  const hostname = str(ha.hostname);
  if (hostname !== undefined && IPV4_PATTERN.test(hostname) && hostname !== str(ha.dvipa)) {
    ctx.report(
      at("hostname"),
      "is an IP address other than the DVIPA",
      `the DVIPA (${clip(str(ha.dvipa) ?? "zosmfHa.dvipa")}) or a DNS name that resolves to it`,
    );
  }
}
