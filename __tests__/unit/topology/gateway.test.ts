import { describe, expect, test } from "vitest";
import { gatewayJobPrefix, parseTopology } from "../../../src/topology";
import { all, problemsOf, remove, set, variant } from "./variants";

/* The gateway section: refused where it cannot work, else expanded into the TCP/IP model the workflows already carry out. */

const GATEWAY = {
  dvipa: "192.0.2.20",
  dvipaMask: "255.255.255.0",
  distributor: "SYSA",
  distributorBackup: "SYSB",
  systems: [
    { system: "SYSA", jobname: "ZWE1AG" },
    { system: "SYSA", jobname: "ZWE2AG" },
    { system: "SYSB", jobname: "ZWE3AG" },
  ],
};
const withGateway = (...edits: ((doc: import("yaml").Document) => void)[]) => variant(all(set(["gateway"], GATEWAY), ...edits));
const paths = (text: string) => problemsOf(text).map((p) => p.path);

describe("gateway expansion", () => {
  test("distributes the DVIPA on 7554 to each gateway system once, and shares the port where two gateways run", () => {
    const t = parseTopology(withGateway());
    const svc = t.distributedServices!.find((d) => d.name === "gateway");
    expect(svc).toEqual({
      name: "gateway",
      dvipa: "192.0.2.20",
      dvipaMask: "255.255.255.0",
      ports: [7554],
      distributor: "SYSA",
      distributorBackup: "SYSB",
      distMethod: "BASEWLM",
      targets: [
        { system: "SYSA", server: "ZWE1AG" },
        { system: "SYSB", server: "ZWE3AG" },
      ],
    });
    // SYSB runs one gateway: nothing to share there.
    expect(t.portSharing!.filter((p) => p.name === "gateway")).toEqual([
      {
        name: "gateway",
        system: "SYSA",
        port: 7554,
        protocol: "TCP",
        jobPrefix: "ZWE?AG",
        mode: "SHAREPORT",
        servers: ["ZWE1AG", "ZWE2AG"],
      },
    ]);
    // The file's own entries stay first and unchanged.
    expect(t.distributedServices![0]!.name).toBe("imsconnect");
    expect(t.portSharing![0]!.name).toBe("zosconnect-api");
  });

  test("a port and method of the site's choosing reach the distribution and the reservation", () => {
    const t = parseTopology(withGateway(set(["gateway", "port"], 8554), set(["gateway", "distMethod"], "ROUNDROBIN")));
    const svc = t.distributedServices!.find((d) => d.name === "gateway")!;
    expect([svc.ports, svc.distMethod]).toEqual([[8554], "ROUNDROBIN"]);
    expect(t.portSharing!.find((p) => p.name === "gateway")!.port).toBe(8554);
  });

  test("one gateway per system needs no port sharing, and no portSharing section appears", () => {
    const text = variant(
      all(
        remove(["portSharing"]),
        set(["gateway"], {
          ...GATEWAY,
          systems: [
            { system: "SYSA", jobname: "ZWE1AG" },
            { system: "SYSB", jobname: "ZWE1AG" },
          ],
        }),
      ),
    );
    expect(parseTopology(text).portSharing).toBeUndefined();
  });

  test("the PORT job name lets in exactly the gateways of one system", () => {
    expect(gatewayJobPrefix(["ZWE1AG", "ZWE2AG"])).toBe("ZWE?AG");
    expect(gatewayJobPrefix(["ZWEAG", "ZWE1AG"])).toBe("ZWE*");
    expect(gatewayJobPrefix(["AWE1AG", "ZWE1AG"])).toBeUndefined();
  });
});

describe("gateway rules", () => {
  test("a gateway on a system not in systems[] is named", () => {
    const problems = problemsOf(withGateway(set(["gateway", "systems", 2, "system"], "SYSQ")));
    expect(problems).toEqual([expect.objectContaining({ path: "gateway.systems[2].system", allowed: "one of SYSA, SYSB" })]);
  });

  test("an unknown distributor, a backup that is the distributor, a job twice on one system", () => {
    expect(paths(withGateway(set(["gateway", "distributor"], "SYSQ")))).toEqual(["gateway.distributor"]);
    expect(paths(withGateway(set(["gateway", "distributorBackup"], "SYSA")))).toEqual(["gateway.distributorBackup"]);
    expect(paths(withGateway(set(["gateway", "systems", 1, "jobname"], "ZWE1AG")))).toEqual(["gateway.systems[1].jobname"]);
  });

  test("gateway jobs on one system that one PORT statement cannot name together", () => {
    const problems = problemsOf(withGateway(set(["gateway", "systems", 1, "jobname"], "AWE2AG")));
    expect(problems).toEqual([
      expect.objectContaining({ path: "gateway.systems[1].jobname", allowed: expect.stringContaining("start alike") }),
    ]);
  });

  test("the DVIPA of another service, and the gateway port where another server listens", () => {
    expect(paths(withGateway(set(["gateway", "dvipa"], "192.0.2.2")))).toEqual(["gateway.dvipa"]);
    expect(paths(withGateway(set(["gateway", "port"], 9443)))).toEqual(["gateway.port"]);
  });

  test("zowe.yaml: required without a Caching Service, and never a second file", () => {
    expect(paths(withGateway(remove(["cachingService"])))).toEqual(["gateway.zoweYaml"]);
    expect(() => parseTopology(withGateway(remove(["cachingService"]), set(["gateway", "zoweYaml"], "/z/zowe.yaml")))).not.toThrow();
    expect(paths(withGateway(set(["gateway", "zoweYaml"], "/other/zowe.yaml")))).toEqual(["gateway.zoweYaml"]);
  });

  test("a file entry may not take the gateway's name", () => {
    expect(paths(withGateway(set(["distributedServices", 0, "name"], "gateway")))).toEqual(["distributedServices[0].name"]);
  });

  test("one gateway is no high availability", () => {
    expect(paths(withGateway(set(["gateway", "systems"], [{ system: "SYSA", jobname: "ZWE1AG" }])))).toEqual(["gateway.systems"]);
  });
});
