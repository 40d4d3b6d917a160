import { HOT_STANDBY_MEMBER_PREFIX, PORT_MEMBER_PREFIX, SERVICES_MEMBER_PREFIX } from "../tcpip/obey-members";
import { found, todo, type DraftNode } from "./found";
import { ownIzuprm, type PlexFacts } from "./facts";
import type { DiscoverReader } from "./reader";

/*
 * datasets: each library where discover saw what it holds. The obey library is the one the
 * stacks' profiles INCLUDE the plug-in's members from; the volume is where the z/OSMF file
 * systems already are. Neither is guessed on a sysplex that has none yet.
 */

const OBEY_MEMBER = new RegExp(`^(${HOT_STANDBY_MEMBER_PREFIX}|${PORT_MEMBER_PREFIX}|${SERVICES_MEMBER_PREFIX})`);

function libraryWith(p: PlexFacts, kind: RegExp, members: readonly string[]) {
  return p.libraries.find((l) => kind.test(l.dsname) && members.every((m) => l.members.includes(m)));
}

function parmlibDraft(p: PlexFacts): DraftNode {
  const own = p.systems.map((s) => ownIzuprm(s, p.izuprms)).find((m) => m !== undefined);
  if (own) return found(own.library, `holds IZUPRM${own.suffix}, in the PARMLIB concatenation (D PARMLIB)`);
  const installation = p.izuprms.find((m) => m.suffix === "00");
  if (installation) return found(installation.library, "holds IZUPRM00, in the PARMLIB concatenation (D PARMLIB)");
  const concat = p.systems.find((s) => s.ipl?.parmlibs.length)?.ipl?.parmlibs ?? [];
  return concat.length > 0
    ? found(concat[concat.length - 1], "the last library of the PARMLIB concatenation (D PARMLIB)")
    : todo("SYS1.PARMLIB", "D PARMLIB could not be read: name the library for the IZUPRMxx members");
}

function proclibDraft(p: PlexFacts): DraftNode {
  const procs = p.systems.map((s) => ownIzuprm(s, p.izuprms)?.values.SERVER_PROC).filter((x): x is string => typeof x === "string");
  const servers = procs.length > 0 ? libraryWith(p, /PROCLIB$/, procs) : undefined;
  if (servers) return found(servers.dsname, `holds ${procs.join(", ")} (the servers' procedures); $D PROCLIB shows the JES concatenation`);
  const tcpip = libraryWith(p, /PROCLIB$/, ["TCPIP"]);
  return tcpip
    ? found(tcpip.dsname, "holds the TCP/IP procedure, so JES starts procedures from it; $D PROCLIB shows the concatenation")
    : todo("SYS1.PROCLIB", "a library of the JES PROCLIB concatenation ($D PROCLIB)");
}

const VOLSER = /^[A-Z0-9@#$]{1,6}$/;

async function volumeDraft(reader: DiscoverReader, p: PlexFacts): Promise<DraftNode> {
  for (const s of p.systems) {
    const name = s.userDirMount?.name;
    if (!name) continue;
    // A zFS is a VSAM cluster (listed on *VSAM*); its data component names the volume.
    const vol = (await reader.datasets(name)).find(
      (d) => d.dsname.startsWith(name) && typeof d.vol === "string" && VOLSER.test(d.vol),
    )?.vol;
    if (vol !== undefined) return found(vol, `the volume of ${name}, the z/OSMF file system of ${s.name}`);
  }
  return todo("VOLSER", "the volume for new zFS aggregates (your storage administrator; D U,DASD,ONLINE)");
}

function obeyDraft(p: PlexFacts): DraftNode {
  for (const s of p.systems) {
    const inc = s.stack?.profile?.includes.find((t) => t.member !== undefined && OBEY_MEMBER.test(t.member));
    if (inc) return found(inc.dsn, `${s.name}'s profile INCLUDEs ${inc.dsn}(${inc.member})`);
  }
  return todo("TCPIP.HA.OBEY", "a library for the obey members provision writes (a PDS; no profile INCLUDEs one yet)");
}

export async function datasetsDraft(reader: DiscoverReader, p: PlexFacts): Promise<DraftNode> {
  const ibm = libraryWith(p, /PROCLIB$/, ["IZUSVR1", "IZUANG1", "IZUFPROC"]);
  const samplib = libraryWith(p, /SAMPLIB$/, ["IZUPRM00"]);
  const backup = (await reader.datasets("HA.BACKUP")).some((d) => d.dsname === "HA.BACKUP");
  return {
    parmlib: parmlibDraft(p),
    proclib: proclibDraft(p),
    procSource: ibm
      ? found(ibm.dsname, "holds IBM's IZUSVR1, IZUANG1 and IZUFPROC")
      : todo("SYS1.PROCLIB", "the library with IBM's IZUSVR1, IZUANG1 and IZUFPROC"),
    samplib: samplib
      ? found(samplib.dsname, "holds IBM's IZUPRM00 sample")
      : todo("SYS1.SAMPLIB", "the library with IBM's IZUPRM00 sample"),
    obey: obeyDraft(p),
    backup: found("HA.BACKUP", backup ? "the default; HA.BACKUP exists (earlier runs)" : "the default; created by the first provision"),
    volume: await volumeDraft(reader, p),
  };
}
