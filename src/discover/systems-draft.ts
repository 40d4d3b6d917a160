import { found, todo, type DraftNode, type Found } from "./found";
import { ownIzuprm, type PlexFacts, type SystemFacts } from "./facts";
import type { IzuprmMember } from "./parmlib";
import { isXcfLink } from "./stack";

/*
 * systems[]: each system as its displays and members show it. A value a system did not show
 * is a TODO naming what to look at; a system that is down has every value a TODO.
 */

/** Placeholders for addresses nobody chose yet: TEST-NET-3 (RFC 5737), one per system. */
export const placeholderAddress = (i: number): string => `203.0.113.${i + 1}`;

export function systemDraft(p: PlexFacts, s: SystemFacts, i: number, hosts: ReadonlyMap<string, string>): DraftNode {
  if (s.down !== undefined) return downSystem(p, s, i);
  const st = s.stack!;
  const primary = st.home.find((h) => h.primary && !isXcfLink(h.link)) ?? st.home.find((h) => !isXcfLink(h.link));
  const host = hosts.get(s.name);
  return {
    name: found(s.name, "D XCF,S,ALL (IXC336I: ACTIVE)"),
    hostname:
      host !== undefined
        ? found(host, `haInstances.${s.name}.hostname of zowe.yaml`)
        : primary
          ? found(primary.address, `the primary home address in ${st.homeCommand} on ${s.name}; a DNS name may be written instead`)
          : todo(`${s.name.toLowerCase()}.example.com`, `the IP name of ${s.name}: ${st.homeCommand} showed no home address`),
    connection: found({}, "the command's own zosmf profile and flags reached it; name another profile if it is reached elsewhere"),
    tcpip: tcpipDraft(s, i),
    zosmf: zosmfDraft(p, s),
    ipl: iplDraft(p, s),
  };
}

function downSystem(p: PlexFacts, s: SystemFacts, i: number): DraftNode {
  const why = `${s.down}; nothing was read from it: run discover again when it is up`;
  const proposal = proposedServer(p, s) as Record<string, Found>;
  return {
    name: found(s.name, "named by --systems"),
    hostname: todo(`${s.name.toLowerCase()}.example.com`, why),
    connection: found({}, "the command's own zosmf profile and flags"),
    tcpip: {
      proc: todo("TCPIP", why),
      dynamicXcf: { address: todo(placeholderAddress(i), why), mask: todo("255.255.255.0", why), cost: todo(1, why) },
    },
    zosmf: Object.fromEntries(Object.entries(proposal).map(([k, v]) => [k, todo(v.value, why)])),
  };
}

function tcpipDraft(s: SystemFacts, i: number): DraftNode {
  const st = s.stack!;
  const xcfHome = st.home.find((h) => isXcfLink(h.link));
  const stmt = st.xcfStatement;
  const inProfile = stmt ? `IPCONFIG DYNAMICXCF in ${stmt.member}` : null;
  const noXcf = `${s.name}'s stack has no dynamic XCF address (${st.homeCommand} lists no XCF link): choose one from the sysplex's XCF subnet`;
  return {
    proc: st.proc ? found(st.proc, `the EZD0101I header of ${st.homeCommand} on ${s.name}`) : todo("TCPIP", st.notes.join("; ")),
    ...(st.profile
      ? { profile: found(`${st.profile.target.dsn}(${st.profile.target.member})`, `the PROFILE DD of ${st.profile.procLib}(${st.proc})`) }
      : {
          profile: todo(
            undefined,
            `the member the PROFILE DD of ${s.name}'s TCP/IP procedure names: ${st.notes.join("; ") || "not found"}`,
          ),
        }),
    dynamicXcf: {
      address: xcfHome
        ? found(xcfHome.address, `link ${xcfHome.link} in ${st.homeCommand} on ${s.name}`)
        : stmt
          ? found(stmt.address, inProfile!)
          : todo(placeholderAddress(i), noXcf),
      mask: stmt
        ? found(stmt.mask, inProfile!)
        : todo("255.255.255.0", `the XCF subnet mask: no IPCONFIG DYNAMICXCF in ${s.name}'s profile`),
      cost: stmt ? found(stmt.cost, inProfile!) : found(1, "the default cost metric"),
    },
  };
}

/**
 * A suffix for each system without an IZUPRMxx of its own, in the order of the systems: one no
 * IZUPRMxx of the concatenation uses and no earlier system got, 0 and the system's last character first.
 */
export function proposedSuffixes(p: PlexFacts): Map<string, string> {
  const used = new Set(p.izuprms.map((m) => m.suffix));
  const out = new Map<string, string>();
  for (const s of p.systems.filter((x) => ownIzuprm(x, p.izuprms) === undefined)) {
    const wish = `0${s.name.slice(-1)}`;
    const pick = !used.has(wish) ? wish : [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"].map((c) => `1${c}`).find((x) => !used.has(x))!;
    used.add(pick);
    out.set(s.name, pick);
  }
  return out;
}

function zosmfDraft(p: PlexFacts, s: SystemFacts): DraftNode {
  const own = ownIzuprm(s, p.izuprms);
  return own ? zosmfFound(s, own) : proposedServer(p, s);
}

function proposedServer(p: PlexFacts, s: SystemFacts): DraftNode {
  const sfx = proposedSuffixes(p).get(s.name)!;
  const present = p.izuprms.map((m) => `IZUPRM${m.suffix}`).join(", ") || "none";
  const base = p.izuprms.find((m) => m.suffix === "00")?.values.USER_DIR;
  const dir = `${typeof base === "string" ? base.replace(/\/$/, "") : "/global/zosmf"}/${s.name.toLowerCase()}`;
  const c = s.name.slice(-1);
  const proposed = "proposed for a new HA server";
  return {
    izuprmSuffix: found(sfx, `${proposed}: free in the PARMLIB concatenation (present: ${present}); no IZU= names one for ${s.name}`),
    autostartGroup: found(`IZUDFL${c}`, `${proposed}: each HA server needs its own AUTOSTART_GROUP`),
    serverProc: found(`IZUSVR${c}`, `${proposed}: a copy of IZUSVR1`),
    userDir: found(dir, `${proposed}: below the USER_DIR of IZUPRM00`),
    zfs: found(`IZU.SIZUUSRD.${s.name}`, `${proposed}: IZUMKFS's default name with the system name`),
  };
}

function zosmfFound(s: SystemFacts, m: IzuprmMember): DraftNode {
  const from = (k: string) => `${k} of IZUPRM${m.suffix} in ${m.library}`;
  const v = (k: string, fallback: string) =>
    typeof m.values[k] === "string" ? found(m.values[k], from(k)) : todo(fallback, `IZUPRM${m.suffix} has no ${k}`);
  const mount = s.userDirMount;
  const dir = m.values.USER_DIR;
  return {
    izuprmSuffix: found(m.suffix, `IZU= of ${s.ipl!.izu!.member}`),
    autostartGroup: v("AUTOSTART_GROUP", `IZUDFL${s.name.slice(-1)}`),
    serverProc: v("SERVER_PROC", `IZUSVR${s.name.slice(-1)}`),
    userDir: v("USER_DIR", `/global/zosmf/${s.name.toLowerCase()}`),
    zfs: mount
      ? found(mount.name, `the file system mounted on ${String(dir)} (GET /zosmf/restfiles/mfs)`)
      : todo(`IZU.SIZUUSRD.${s.name}`, `nothing is mounted on ${String(dir)}: name the zFS that holds it`),
  };
}

function iplDraft(p: PlexFacts, s: SystemFacts): DraftNode | undefined {
  const ipl = s.ipl!;
  const own = (ipl.ieasysList ?? []).filter((x) => x !== "00");
  const others = new Set(p.systems.filter((o) => o !== s).flatMap((o) => o.ipl?.omvs?.suffixes ?? []));
  const bpx = (ipl.omvs?.suffixes ?? []).filter((x) => x !== "00" && !others.has(x));
  const ieasys =
    own.length === 1
      ? found(own[0], `IEASYS LIST of D IPLINFO on ${s.name}`)
      : todo(
          undefined,
          `D IPLINFO on ${s.name} listed ${own.length === 0 ? "no IEASYSxx of its own" : own.join(", ")}: name the one that holds its IZU=`,
        );
  const bpxprm =
    bpx.length === 1
      ? found(bpx[0], `OMVS= of ${ipl.omvs!.member}: the BPXPRMxx no other system reads`)
      : todo(
          undefined,
          `OMVS= of ${ipl.omvs?.member ?? "IEASYSxx"} names ${ipl.omvs?.suffixes.join(", ") ?? "nothing"}: name the BPXPRMxx with ${s.name}'s own mounts`,
        );
  return { ieasys, bpxprm };
}
