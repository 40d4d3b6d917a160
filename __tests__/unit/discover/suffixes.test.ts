import { describe, expect, it } from "vitest";
import type { PlexFacts } from "../../../src/discover/facts";
import { proposedSuffixes } from "../../../src/discover/systems-draft";
import { namesFor } from "../../../src/discover/services-draft";

const plex = (systems: string[], suffixes: string[]): PlexFacts => ({
  sysplex: "PLEX1",
  systems: systems.map((name) => ({ name })),
  izuprms: suffixes.map((suffix) => ({ suffix, library: "SYS1.PARMLIB", values: {} })),
  libraries: [],
  notes: [],
});

describe("IZUPRMxx suffixes proposed for new servers", () => {
  it("takes 0 and the last character when free, never one a member or an earlier system has", () => {
    expect(Object.fromEntries(proposedSuffixes(plex(["SYSA", "SYSB"], ["00"])))).toEqual({ SYSA: "0A", SYSB: "0B" });
    // SYSA's 0A is an existing member; PRDA also ends in A: each gets a suffix of its own.
    expect(Object.fromEntries(proposedSuffixes(plex(["SYSA", "PRDA"], ["00", "0A"])))).toEqual({ SYSA: "1A", PRDA: "1B" });
  });
});

describe("placeholder job names", () => {
  it("match the job prefix they stand for", () => {
    expect(namesFor("ZWE?AG", 2)).toEqual(["ZWE1AG", "ZWE2AG"]);
    expect(namesFor("ZCHA*", 2)).toEqual(["ZCHA1", "ZCHA2"]);
  });
});
