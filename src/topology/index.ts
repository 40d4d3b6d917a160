export { readTopologyText, MAX_TOPOLOGY_BYTES } from "./file";
export { loadTopology, parseTopology, type ParseOptions } from "./load";
export { topologyJsonSchema, TOPOLOGY_SCHEMA_ID } from "./json-schema";
export { formatProblems, hidePassword, TopologyError, type TopologyProblem } from "./problems";
export { infinispanInitialHosts, splitMember, systemByName, zosmfHaSystems, type ZosmfHaMember } from "./derive";
export {
  topologySchema,
  type CachingService,
  type Connection,
  type DistributedService,
  type Gateway,
  type PortSharing,
  type Topology,
  type TopologyInput,
  type TopologySystem,
  type ZosmfHa,
  type ZosmfServer,
} from "./schema";
export { expandGateway, GATEWAY_NAME, gatewayJobPrefix, gatewayZoweYaml } from "./gateway";
export { sameHost, TRUST_HOSTS_FLAG, untrustedHosts } from "./hosts";
