import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { persistenceWarnings } from "../../../src/provision/ipl-persistence/persistence-warnings";
import { parseTopology } from "../../../src/topology";
import { exampleWithoutPersistence } from "../../example-topology";

/** The three-system example without its IPL-time fields and, when asked, without the z/OSMF hot standby. */
function topology(withZosmfHa: boolean) {
  const doc = parseDocument(exampleWithoutPersistence("three-system-all.yaml"));
  if (!withZosmfHa) doc.delete("zosmfHa");
  return parseTopology(doc.toString(), { fileName: "plex.yaml" });
}

describe("provision's persistence warnings", () => {
  it("warn for every stack that gets obey members without a profile, not only the hot-standby systems", () => {
    const warnings = persistenceWarnings(topology(false));
    // Port sharing and distributed services still put definitions on each stack with OBEYFILE.
    expect([...warnings.keys()]).toEqual(["SYSA", "SYSB", "SYSC"]);
    expect(warnings.get("SYSC")).toBe(
      "not persistent: lost at the next IPL of SYSC: systems[2].tcpip.profile is not set, so what provision sets up (the TCP/IP definitions applied with OBEYFILE) is not written into the members SYSC reads at IPL",
    );
  });

  it("name every field a hot-standby system leaves out, in one warning per system", () => {
    const warnings = persistenceWarnings(topology(true));
    expect(warnings.get("SYSB")).toMatch(
      /^not persistent: lost at the next IPL of SYSB: systems\[1\]\.tcpip\.profile, systems\[1\]\.ipl\.bpxprm and systems\[1\]\.ipl\.ieasys are not set, so what provision sets up \(the TCP\/IP definitions applied with OBEYFILE, the USER_DIR mount and the z\/OSMF server start\)/,
    );
  });
});
