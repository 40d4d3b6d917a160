import type { Topology } from "../topology";
import type { ZoweYamlSetting } from "./setting";

/**
 * Where clients reach the gateways: the DVIPA's name (zowe.externalDomains, the first is the
 * one Zowe builds its URLs from), the distributed port (zowe.externalPort) and the port each
 * gateway listens on (components.gateway.port); behind the distributor they are the same port.
 */
export function gatewaySettings(t: Topology): ZoweYamlSetting[] {
  const gw = t.gateway;
  if (gw === undefined) return [];
  const host = gw.hostname !== undefined ? "gateway.hostname" : "gateway.dvipa";
  const check = (label: string) => ({ id: "gateway.zowe-yaml", title: "Gateway address in zowe.yaml", label });
  return [
    { path: ["zowe", "externalDomains"], value: [gw.hostname ?? gw.dvipa], field: host, check: check("external domains") },
    { path: ["zowe", "externalPort"], value: gw.port, field: "gateway.port", check: check("external port") },
    { path: ["components", "gateway", "port"], value: gw.port, field: "gateway.port", check: check("gateway port") },
  ];
}
