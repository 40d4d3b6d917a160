import { loadWorkflow, type LoadedWorkflow } from "../../../src/provision/workflow-loader";
import type { DistributedService, PortSharing, Topology } from "../../../src/topology";
import { exampleTopology } from "./fixtures/topology";

/** The three-system example with its portSharing and distributedServices replaced. */
export function withSections(o: { portSharing?: PortSharing[]; services?: DistributedService[] }): Topology {
  const base = exampleTopology("three-system-all.yaml");
  return { ...base, ...(o.portSharing ? { portSharing: o.portSharing } : {}), ...(o.services ? { distributedServices: o.services } : {}) };
}

export function service(over: Partial<DistributedService> = {}): DistributedService {
  return {
    name: "zosconnect",
    dvipa: "192.0.2.1",
    dvipaMask: "255.255.255.0",
    ports: [5595],
    distributor: "SYSA",
    distributorBackup: "SYSB",
    distMethod: "ROUNDROBIN",
    targets: [
      { system: "SYSA", server: "ZCON1" },
      { system: "SYSB", server: "ZCON2" },
      { system: "SYSC", server: "ZCON3" },
    ],
    ...over,
  };
}

export function sharing(over: Partial<PortSharing> = {}): PortSharing {
  return {
    name: "zosconnect-api",
    system: "SYSA",
    port: 9443,
    protocol: "TCP",
    jobPrefix: "ZCHA*",
    mode: "SHAREPORT",
    servers: ["ZCHA1", "ZCHA2"],
    ...over,
  };
}

export const workflows = async (): Promise<{ ports: LoadedWorkflow; services: LoadedWorkflow }> => ({
  ports: await loadWorkflow("port-sharing"),
  services: await loadWorkflow("distributed-services"),
});

/** Statement lines only: comments and blank records dropped, leading blanks kept off. */
export function statements(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith(";"));
}
