import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { elementStates, renderSvg, xmlText } from "../../../src/graph";
import type { ExampleName } from "../../example-topology";
import { exampleGraph, HOSTILE, hostileGraph } from "./fixtures";

/** The `<g>` of each element, by data-kind, as an XML parser reads the SVG. */
function elements(svg: string): { kind: string; id: string; state: string; texts: string[] }[] {
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => name === "g" || name === "text" }).parse(
    svg,
  ) as {
    svg: { g: { "data-kind": string; "data-id"?: string; "data-state"?: string; text?: (string | { "#text": string })[] }[] };
  };
  return doc.svg.g.map((g) => ({
    kind: g["data-kind"],
    id: g["data-id"] ?? "",
    state: g["data-state"] ?? "",
    texts: (g.text ?? []).map((t) => String(typeof t === "object" ? t["#text"] : t)),
  }));
}

const count = (svg: string, kind: string) => elements(svg).filter((e) => e.kind === kind).length;

describe("SVG of the examples", () => {
  it.each([
    ["two-system.yaml", { system: 2, dvipa: 1, target: 2, stack: 2, caching: 2, "port-group": 0 }],
    // z/OSMF on three systems, z/OS Connect and IMS Connect on three each, the gateway on three systems.
    ["three-system-all.yaml", { system: 3, dvipa: 4, target: 12, stack: 3, caching: 3, "port-group": 2 }],
  ] as [ExampleName, Record<string, number>][])("%s is well-formed XML with exactly one node per element", (name, expected) => {
    const svg = renderSvg(exampleGraph(name));
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const [kind, n] of Object.entries(expected)) expect(count(svg, kind), kind).toBe(n);
  });

  it("labels the boxes: a system with its host, a target with its role and ports, a DVIPA with its address", () => {
    const found = elements(renderSvg(exampleGraph("two-system.yaml")));
    expect(found.find((e) => e.id === "sys0")?.texts).toEqual(["SYSA", "sysa.example.com"]);
    expect(found.find((e) => e.id === "zt1")?.texts).toEqual(["z/OSMF IZUSVRB", "BACKUP rank 1 port 443"]);
    expect(found.find((e) => e.id === "zdv")?.texts).toEqual(["z/OSMF DVIPA 192.0.2.10", "ports 443 HOTSTANDBY"]);
  });

  it("is the same picture for the same topology", () => {
    expect(renderSvg(exampleGraph("three-system-all.yaml"))).toBe(renderSvg(exampleGraph("three-system-all.yaml")));
  });
});

describe("hostile names in the SVG", () => {
  it("are escaped: the SVG stays well-formed, no element is added, and each name reads back as written", () => {
    const svg = renderSvg(hostileGraph());
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain("<b>");
    const found = elements(svg);
    expect(found.filter((e) => e.kind === "system")).toHaveLength(2);
    // A parser decodes the entities: the text is the name, a line end read as a blank.
    const plain = HOSTILE.replace(/\n/g, " ");
    expect(found.find((e) => e.id === "sys0")?.texts).toEqual([`${plain}SYSA`, plain]);
  });

  it("replaces characters XML 1.0 cannot hold, even escaped", () => {
    expect(XMLValidator.validate(`<t>${xmlText("a\u0000b\u001bc\ud800")}</t>`)).toBe(true);
    expect(xmlText(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
  });
});

describe("SVG colours from verify", () => {
  it("marks each element with its state and explains the colours only when verified", () => {
    const g = exampleGraph("two-system.yaml");
    const states = elementStates(g, [
      { id: "system.active", system: "SYSA", title: "", expected: "", found: "", verdict: "healthy" },
      { id: "system.active", system: "SYSB", title: "", expected: "", found: "", verdict: "degraded" },
    ]);
    const verified = elements(renderSvg(g, { states }));
    expect(verified.find((e) => e.id === "sys0")?.state).toBe("healthy");
    expect(verified.find((e) => e.id === "sys1")?.state).toBe("degraded");
    expect(verified.find((e) => e.id === "zt0")?.state).toBe("neutral");
    expect(verified.find((e) => e.kind === "legend")?.texts.join(" ")).toContain("unknown: its checks could not tell");
    const plain = elements(renderSvg(g));
    expect(plain.every((e) => e.state === "neutral" || e.state === "")).toBe(true);
    expect(plain.find((e) => e.kind === "legend")?.texts.join(" ")).not.toContain("healthy");
  });
});
