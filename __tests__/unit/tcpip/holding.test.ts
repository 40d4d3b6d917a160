import { describe, expect, it } from "vitest";
import type { DvipaEntry } from "../../../src/parsers";
import { holdingOf } from "../../../src/tcpip/holding";

function entry(status: DvipaEntry["status"], origin: string, distStat: DvipaEntry["distStat"]): DvipaEntry {
  return { address: "192.0.2.1", prefixLen: 24, intfName: null, status, statusRaw: status, origin, distStat, actTime: null, extra: {} };
}

describe("how a stack holds a DVIPA (VIPADYN)", () => {
  it("a stack active with DISTSTAT DIST/DEST distributes it, whichever statement put it there", () => {
    expect(holdingOf(entry("ACTIVE", "VIPADEFINE", "DIST/DEST"))).toBe("distributing");
    expect(holdingOf(entry("ACTIVE", "VIPABACKUP", "DIST"))).toBe("distributing");
  });

  it("a stack that got the DVIPA from VIPADISTRIBUTE only accepts connections, even before DISTSTAT says DEST", () => {
    expect(holdingOf(entry("ACTIVE", "VIPADISTRIBUTE", null))).toBe("target");
    expect(holdingOf(entry("ACTIVE", "VIPADISTRIBUTE", "DEST"))).toBe("target");
  });

  it("a VIPABACKUP stack that is also a target still holds the DVIPA in backup", () => {
    expect(holdingOf(entry("ACTIVE", "VIPABACKUP", "DEST"))).toBe("backup");
    expect(holdingOf(entry("BACKUP", "VIPABACKUP", "DEST"))).toBe("backup");
  });

  it("a defined DVIPA active without distribution is owned; anything else is not held", () => {
    expect(holdingOf(entry("ACTIVE", "VIPADEFINE", null))).toBe("owner");
    expect(holdingOf(entry("MOVING", "VIPADEFINE", null))).toBe("none");
    expect(holdingOf(undefined)).toBe("none");
  });
});
