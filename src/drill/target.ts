import { HaError } from "../errors";
import { clip } from "../topology/problems";
import { systemByName, zosmfHaSystems, type DistributedService, type Topology } from "../topology";

/** One instance of the drilled service: where it runs and under which job. */
export interface DrillInstance {
  readonly system: string;
  /** The server's job (and procedure) name. */
  readonly job: string;
  /** The XCF address the distributor's VDPT names it by. */
  readonly xcf: string;
  /** The TCP/IP procedure of its system: quiesce and resume go to that stack. */
  readonly stack: string;
  /** Where the topology names its job, for messages about it (`systems[SYSA].zosmf.serverProc`). */
  readonly jobField: string;
}

/**
 * What is drilled: a DVIPA and port distributed to a preferred instance and its backups, as
 * the topology defines it. Everything the drill touches comes from here.
 */
export interface DrillTarget {
  /** "zosmf" or the service's name. */
  readonly name: string;
  readonly dvipa: string;
  readonly port: number;
  /** The name the DVIPA is reached by (zosmfHa.hostname, else the address). */
  readonly host: string;
  /** The system whose stack distributes the DVIPA. */
  readonly distributor: string;
  /** HOTSTANDBY: one target Active at a time; any other method: every ready target receives. */
  readonly hotStandby: boolean;
  /** AUTOSWITCHBACK (hot standby only; other methods always send to every ready target). */
  readonly autoSwitchBack: boolean;
  /** Answers /zosmf/info when up (z/OSMF); any HTTP answer counts for a service. */
  readonly zosmf: boolean;
  readonly preferred: DrillInstance;
  /** Highest rank first. */
  readonly backups: readonly DrillInstance[];
}

function instance(t: Topology, system: string, job: string, jobField: string): DrillInstance {
  const s = systemByName(t, system);
  return { system: s.name, job, xcf: s.tcpip.dynamicXcf.address, stack: s.tcpip.proc, jobField };
}

function zosmfTarget(t: Topology): DrillTarget {
  const ha = t.zosmfHa;
  if (ha === undefined)
    throw new HaError("--target zosmf: the topology has no zosmfHa section to drill", { failureClass: "invalid-input" });
  const [preferred, ...backups] = zosmfHaSystems(t).map((m) =>
    instance(t, m.system.name, m.system.zosmf.serverProc, `systems[${m.system.name}].zosmf.serverProc`),
  );
  return {
    name: "zosmf",
    dvipa: ha.dvipa,
    port: ha.port,
    host: ha.hostname,
    distributor: ha.distributor,
    hotStandby: true,
    autoSwitchBack: ha.autoSwitchBack,
    zosmf: true,
    preferred: preferred!,
    backups,
  };
}

/** The preferred target (role PREFERRED, else the first listed); the others by rank, highest first. */
function serviceTarget(t: Topology, svc: DistributedService): DrillTarget {
  const first = svc.targets.find((x) => x.role === "PREFERRED") ?? svc.targets[0]!;
  const rest = svc.targets.filter((x) => x !== first).sort((a, b) => (b.rank ?? 1) - (a.rank ?? 1));
  const at = (x: (typeof svc.targets)[number]) =>
    instance(t, x.system, x.server, `distributedServices[${svc.name}].targets[${svc.targets.indexOf(x)}].server`);
  return {
    name: svc.name,
    dvipa: svc.dvipa,
    port: svc.ports[0]!,
    host: svc.dvipa,
    distributor: svc.distributor,
    hotStandby: svc.distMethod === "HOTSTANDBY",
    // VIPADISTRIBUTE's default is AUTOSWITCHBACK; the topology has no field to change it for a service.
    autoSwitchBack: true,
    zosmf: false,
    preferred: at(first),
    backups: rest.map(at),
  };
}

/** The target `--target` names; an unknown name is refused before anything is read or sent. */
export function resolveTarget(t: Topology, name = "zosmf"): DrillTarget {
  if (name.toLowerCase() === "zosmf") return zosmfTarget(t);
  const services = t.distributedServices ?? [];
  const svc = services.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (svc === undefined) {
    const known = ["zosmf", ...services.map((s) => s.name)].map((n) => clip(n)).join(", ");
    throw new HaError(`--target: ${clip(name)} is not zosmf or a distributed service of the topology; it may be one of ${known}`, {
      failureClass: "invalid-input",
    });
  }
  if (svc.targets.length < 2) {
    throw new HaError(`--target: ${clip(svc.name)} has one target only; a drill needs a second one to take over`, {
      failureClass: "invalid-input",
    });
  }
  return serviceTarget(t, svc);
}

/** Every instance, the preferred one first. */
export function instancesOf(target: DrillTarget): DrillInstance[] {
  return [target.preferred, ...target.backups];
}
