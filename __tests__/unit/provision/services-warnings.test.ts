import { describe, expect, it } from "vitest";
import { serviceWarnings, sharedEndpoints } from "../../../src/provision/distributed-services/service-warnings";
import { service, withSections } from "./services-fixture";

describe("plan warnings for distributed services", () => {
  it("has nothing to say about the example: three targets each, separate DVIPAs", () => {
    const t = withSections({});
    for (const s of ["SYSA", "SYSB", "SYSC"]) expect(serviceWarnings(t, s)).toEqual([]);
  });

  it("warns on the distributor when fewer than three targets serve a service", () => {
    const t = withSections({
      services: [
        service({
          targets: [
            { system: "SYSA", server: "ZCON1" },
            { system: "SYSB", server: "ZCON2" },
          ],
        }),
      ],
    });
    const warnings = serviceWarnings(t, "SYSA");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^zosconnect has 2 targets \(SYSA, SYSB\); with 3 or more, one can be taken down for maintenance/);
    // Said once, on the distributor's step.
    expect(serviceWarnings(t, "SYSB")).toEqual([]);
  });

  it("warns when two services share a DVIPA and port, and not when only the DVIPA is shared", () => {
    const clash = withSections({ services: [service(), service({ name: "imsconnect", ports: [5801, 5595] })] });
    expect(serviceWarnings(clash, "SYSA")).toEqual([
      expect.stringMatching(/^zosconnect and imsconnect both use 192\.0\.2\.1 port 5595; .*must differ/),
    ]);
    const apart = withSections({ services: [service(), service({ name: "imsconnect", ports: [5801] })] });
    expect(sharedEndpoints(apart.distributedServices!)).toEqual([]);
  });

  it("names a single target without a plural", () => {
    const t = withSections({ services: [service({ distributorBackup: undefined, targets: [{ system: "SYSA", server: "ZCON1" }] })] });
    expect(serviceWarnings(t, "SYSA")[0]).toMatch(/^zosconnect has 1 target \(SYSA\)/);
  });
});
