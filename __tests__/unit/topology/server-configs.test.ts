import { describe, expect, test } from "vitest";
import { parseTopology } from "../../../src/topology";
import { all, problemsOf, set, variant, type Path } from "./variants";

/* Server configuration files in the topology: refused with the field and what may be written, before anything is read. */

const share = (...rest: Path): Path => ["portSharing", 0, ...rest];
const target = (i: number, ...rest: Path): Path => ["distributedServices", 0, "targets", i, ...rest];
const xmlConfigs = set(share("configs"), [
  { server: "ZCHA1", config: "/var/zosconnect/servers/zcha1/server.xml" },
  { server: "ZCHA2", config: "/var/zosconnect/servers/zcha2/server.xml" },
]);

const cases: { title: string; edit: ReturnType<typeof set>; path: string; allowed: string }[] = [
  {
    title: "a config that is neither a z/OS UNIX path nor DSN(MEMBER)",
    edit: set(target(0, "config"), "IMS.PROCLIB"),
    path: "distributedServices[0].targets[0].config",
    allowed: "a z/OS UNIX path such as /var/zosconnect/servers/zcha1/server.xml",
  },
  {
    title: "configKind ims-connect on a z/OS UNIX path",
    edit: all(set(target(0, "config"), "/etc/hwscfg01"), set(target(0, "configKind"), "ims-connect")),
    path: "distributedServices[0].targets[0].config",
    allowed: "DSN(MEMBER) of the HWSCFGxx member",
  },
  {
    title: "an unknown configKind",
    edit: set(target(0, "configKind"), "liberty"),
    path: "distributedServices[0].targets[0].configKind",
    allowed: "zosconnect-server-xml or ims-connect",
  },
  {
    title: "a configKind without a config",
    edit: set(target(0, "configKind"), "ims-connect"),
    path: "distributedServices[0].targets[0].configKind",
    allowed: "no configKind, or a config as well",
  },
  {
    title: "a server.xml and an HWSCFGxx member behind one DVIPA",
    edit: all(set(target(0, "config"), "IMS.PROCLIB(HWSCFG01)"), set(target(1, "config"), "/var/zosconnect/servers/zcon2/server.xml")),
    path: "distributedServices[0].targets[1].config",
    allowed: "the kind the others are (ims-connect)",
  },
  {
    title: "a config for a server that does not share the port",
    edit: all(xmlConfigs, set(share("configs", 1, "server"), "ZCHA3")),
    path: "portSharing[0].configs[1].server",
    allowed: "one of ZCHA1, ZCHA2",
  },
  {
    title: "a server's config named twice",
    edit: all(xmlConfigs, set(share("configs", 1, "server"), "zcha1")),
    path: "portSharing[0].configs[1].server",
    allowed: "each server once",
  },
];

describe("server configuration files", () => {
  test("named for port-sharing servers and distributed-service targets, they are accepted", () => {
    const t = parseTopology(
      variant(all(xmlConfigs, set(target(0, "config"), "ims.proclib(hwscfg01)"), set(target(1, "config"), "IMS.PROCLIB(HWSCFG02)"))),
    );
    expect(t.portSharing?.[0]?.configs?.[0]?.config).toBe("/var/zosconnect/servers/zcha1/server.xml");
    expect(t.distributedServices?.[0]?.targets[0]?.config).toBe("IMS.PROCLIB(HWSCFG01)");
  });

  test.each(cases)("$title → $path", ({ edit, path, allowed }) => {
    const problems = problemsOf(variant(edit));
    expect(problems.map((p) => p.path)).toEqual([path]);
    expect(problems[0]?.allowed).toContain(allowed);
  });
});
