/**
 * Topologies of N systems shaped like examples/two-system.yaml: every name, address and
 * file system unique per system; the first system preferred, the others ranked backups.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { stringify } from "yaml";

export function systemNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `SYS${i + 1}`);
}

/** Two digits per system: the IZUPRMxx suffix and the tail of per-system names. */
const tag = (i: number) => String(i + 1).padStart(2, "0");

export function topologyDoc(n: number): Record<string, unknown> {
  if (n < 2 || n > 32) throw new Error(`a benchmark sysplex has 2..32 systems, not ${n}`);
  const names = systemNames(n);
  return {
    version: 1,
    sysplex: "BENCHPLX",
    systems: names.map((name, i) => ({
      name,
      hostname: `${name.toLowerCase()}.example.com`,
      connection: {},
      // The emulator seeds each system's IPL-time members under the last two characters of its name.
      tcpip: {
        proc: "TCPIP",
        profile: `SYS1.TCPPARMS(PROF${name.slice(-2)})`,
        dynamicXcf: { address: `198.51.100.${i + 1}`, mask: "255.255.255.0", cost: 1 },
      },
      ipl: { ieasys: name.slice(-2), bpxprm: name.slice(-2) },
      zosmf: {
        izuprmSuffix: tag(i),
        autostartGroup: `IZUGRP${tag(i)}`,
        serverProc: `IZUSV${tag(i)}`,
        userDir: `/global/zosmf/zosmf${tag(i)}`,
        zfs: `IZU.SIZUUSRD.ZOSMF${tag(i)}`,
      },
    })),
    datasets: { parmlib: "SYS1.PARMLIB", proclib: "SYS1.PROCLIB", procSource: "SYS1.IBM.PROCLIB", obey: "TCPIP.HA.OBEY", backup: "HA.BACKUP", volume: "ZOSVOL" },
    zosmfHa: {
      dvipa: "192.0.2.10",
      dvipaMask: "255.255.255.0",
      port: 443,
      preferred: names[0],
      // Sysplex Distributor takes at most 31 backups; rank falls with the position.
      backups: names.slice(1).map((system, i) => ({ system, rank: 31 - i })),
      autoSwitchBack: true,
      healthSwitch: false,
      distributor: names[0],
      distributorBackup: names[1],
      keyring: "IZUKeyring.IZUDFLT",
      safPrefix: "IZUDFLT",
      angelProc: "IZUANG1",
      // The benchmark measures verify of the sysplex; reading /zosmf/info through the DVIPA is a
      // network path the emulator's child process does not offer here.
      verifyThroughDvipa: false,
    },
    cachingService: {
      zoweYaml: "/global/zowe/zowe.yaml",
      instances: names,
      storage: { mode: "infinispan", evictionStrategy: "reject", size: 10000, infinispan: { jgroupsPort: 7600, keyExchangePort: 7601 } },
    },
  };
}

/** Writes the topology of `n` systems into `dir` and returns the file name. */
export function writeTopology(dir: string, n: number): string {
  const file = path.join(dir, `sysplex-${n}.yaml`);
  writeFileSync(file, stringify(topologyDoc(n)));
  return file;
}
