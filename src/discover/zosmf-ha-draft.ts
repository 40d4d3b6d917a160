import { found, todo, type DraftNode } from "./found";
import { ownIzuprm, type PlexFacts } from "./facts";
import { maskOf, type Distribution } from "./distributions";
import type { IzuprmMember } from "./parmlib";

/*
 * zosmfHa: a hot-standby distribution of the z/OSMF port found on the stacks is written as it
 * is; without one, the section is drafted from the installation's IZUPRMxx with TODOs where a
 * person must choose (the DVIPA and its mask, the preferred system).
 */

/** The distribution that is z/OSMF's: HOTSTANDBY on the HTTP_SSL_PORT of the servers' own IZUPRMxx. */
export function zosmfDistribution(p: PlexFacts, ds: readonly Distribution[]): Distribution | undefined {
  const ports = new Set(p.systems.map((s) => ownIzuprm(s, p.izuprms)?.values.HTTP_SSL_PORT).filter((x) => typeof x === "string"));
  return ds.find((d) => d.entries[0]?.distMethod === "HOTSTANDBY" && d.ports.length === 1 && ports.has(String(d.ports[0])));
}

function izuValue(m: IzuprmMember | undefined, key: string, fallback: string): DraftNode {
  const v = m?.values[key];
  return typeof v === "string"
    ? found(v, `${key} of IZUPRM${m!.suffix} in ${m!.library}`)
    : found(fallback, `the default (${key} not found)`);
}

function portOf(m: IzuprmMember | undefined): DraftNode {
  const v = m?.values.HTTP_SSL_PORT;
  return typeof v === "string" && /^\d+$/.test(v)
    ? found(Number(v), `HTTP_SSL_PORT of IZUPRM${m!.suffix} in ${m!.library}`)
    : found(443, "the default (HTTP_SSL_PORT not found)");
}

function serverSettings(m: IzuprmMember | undefined): Record<string, DraftNode> {
  return {
    keyring: izuValue(m, "KEYRING_NAME", "IZUKeyring.IZUDFLT"),
    safPrefix: izuValue(m, "SAF_PREFIX", "IZUDFLT"),
    angelProc: izuValue(m, "ANGEL_PROC", "IZUANG1"),
  };
}

export function zosmfHaDraft(p: PlexFacts, ds: readonly Distribution[]): DraftNode | undefined {
  // A system that is down takes part as a backup (its values are TODOs); one system alone has nothing to stand by.
  if (p.systems.length < 2 || p.systems.every((s) => s.down !== undefined)) return undefined;
  const d = zosmfDistribution(p, ds);
  if (d) return fromDistribution(p, d);
  const installation = p.izuprms.find((m) => m.suffix === "00") ?? p.izuprms[0];
  const dvipas = ds.map((x) => x.dvipa);
  const ordered = [...p.systems].sort((a, b) => Number(a.down !== undefined) - Number(b.down !== undefined));
  const [first, ...rest] = ordered.map((s) => s.name);
  return {
    dvipa: todo(
      "192.0.2.10",
      `choose an unused address for z/OSMF's DVIPA${dvipas.length ? ` (DVIPAs already defined: ${dvipas.join(", ")})` : ""}`,
    ),
    dvipaMask: todo("255.255.255.0", "the DVIPA's subnet mask"),
    port: portOf(installation),
    preferred: todo(first, "choose the system whose z/OSMF serves while it is up"),
    backups: todo(
      rest.map((system) => ({ system, rank: 1 })),
      "the other systems take over in rank order (higher first); keep those that should",
    ),
    distributorBackup: found(rest[0], "proposed: the first backup, so the DVIPA survives an outage of the distributor"),
    ...serverSettings(installation),
  };
}

function fromDistribution(p: PlexFacts, d: Distribution): DraftNode {
  const preferred = d.targets.find((t) => t.entry.srvType === "PREFERRED");
  const backups = d.targets.filter((t) => t.entry.srvType === "BACKUP");
  const own = p.systems.map((s) => ownIzuprm(s, p.izuprms)).find((m) => m !== undefined);
  const mask = maskOf(d.prefixLen);
  const first = d.entries[0]!;
  const host = own?.values.HOSTNAME;
  const unnamed = (xcf: string) => `no discovered stack has the dynamic XCF address ${xcf}: name its system`;
  return {
    dvipa: found(d.dvipa, d.from),
    dvipaMask: mask ? found(mask, d.from) : todo("255.255.255.0", `VIPADCFG showed no prefix length for ${d.dvipa}`),
    port: found(d.ports[0], d.from),
    ...(typeof host === "string" && host !== d.dvipa && host !== "*" ? { hostname: found(host, `HOSTNAME of IZUPRM${own!.suffix}`) } : {}),
    preferred: preferred?.system
      ? found(preferred.system, `SRVTYPE PREFERRED, DESTXCF ${preferred.xcf} (${d.from})`)
      : todo(p.systems[0]!.name, `no PREFERRED target of ${d.dvipa} is a discovered system`),
    backups: backups.map((b) => ({
      system: b.system ? found(b.system, `SRVTYPE BACKUP, DESTXCF ${b.xcf}`) : todo(p.systems[0]!.name, unnamed(b.xcf)),
      rank: found(b.entry.rank ?? 1, b.entry.rank === null ? "VIPADCFG showed no rank: the default" : "its backup rank in VIPADCFG"),
    })),
    autoSwitchBack: found(
      first.autoSwitchBack ?? true,
      first.autoSwitchBack === null ? "the default (VIPADCFG did not say)" : "AUTOSWITCHBACK in VIPADCFG",
    ),
    healthSwitch: found(
      first.healthSwitch ?? false,
      first.healthSwitch === null ? "the default (VIPADCFG did not say)" : "HEALTHSWITCH in VIPADCFG",
    ),
    distributor: found(d.distributor, d.from),
    ...(d.distributorBackup
      ? { distributorBackup: found(d.distributorBackup.system, `VIPABACKUP in VIPADCFG on ${d.distributorBackup.system}`) }
      : {}),
    ...serverSettings(own),
  };
}
