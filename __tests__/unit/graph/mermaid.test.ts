import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { elementStates, mermaidText, renderMermaid, type ElementState } from "../../../src/graph";
import type { ExampleName } from "../../example-topology";
import { exampleGraph, HOSTILE, hostileGraph, mermaid } from "./fixtures";

const labelOf = (text: string, id: string) => new RegExp(`^\\s*(?:subgraph )?${id}[\\[({/]+"([^"]*)"`, "m").exec(text)?.[1];

describe("Mermaid text of the examples", () => {
  it("is text Mermaid's own parser accepts, and the parser rejects a broken text, so the check can fail", async () => {
    const m = await mermaid();
    for (const name of ["two-system.yaml", "three-system-all.yaml"] as ExampleName[]) {
      const text = renderMermaid(exampleGraph(name));
      await expect(m.parse(text), name).resolves.toBeTruthy();
      // The same text with one label left open.
      await expect(m.parse(text.replace('"distributor"', '"distributor'))).rejects.toThrow();
    }
  });

  it("draws the hot standby: the DVIPA, its distributor and backup stacks, and each z/OSMF server with its role", () => {
    const text = renderMermaid(exampleGraph("two-system.yaml"));
    expect(labelOf(text, "zdv")).toBe("z/OSMF DVIPA 192.0.2.10<br/>ports 443 HOTSTANDBY");
    expect(text).toContain('zdv ==>|"distributor"| stack0');
    expect(text).toContain('zdv -.->|"backup distributor"| stack1');
    expect(text).toContain('zdv -->|"PREFERRED port 443"| zt0');
    expect(text).toContain('zdv -->|"BACKUP rank 1 port 443"| zt1');
    expect(labelOf(text, "sys0")).toBe("SYSA<br/>sysa.example.com");
    expect(labelOf(text, "zt1")).toBe("z/OSMF IZUSVRB");
  });

  it("draws every distributed service, the gateway as one of them, and the port-sharing groups the gateway adds", () => {
    const text = renderMermaid(exampleGraph("three-system-all.yaml"));
    expect(labelOf(text, "dv1")).toBe("imsconnect DVIPA 192.0.2.2<br/>ports 5801 WEIGHTEDACTIVE");
    expect(text).toContain('dv1 -->|"weight 2 port 5801"| t1_0');
    expect(labelOf(text, "dv2")).toBe("gateway DVIPA 192.0.2.20<br/>ports 7554 BASEWLM");
    expect(labelOf(text, "pg1")).toBe("port sharing gateway<br/>SHAREPORT 7554/TCP: ZWE1AG, ZWE2AG");
    // The gateway's SHAREPORT group exists on SYSA only, where two gateways run.
    expect(text.match(/^\s*pg\d+\[/gm)).toHaveLength(2);
  });
});

describe("hostile names", () => {
  it("stay inside their labels: the text still parses, and no name reaches the text unescaped", async () => {
    const text = renderMermaid(hostileGraph());
    await expect((await mermaid()).parse(text)).resolves.toBeTruthy();
    expect(text).not.toContain('A"]');
    expect(text).not.toContain("<b>");
    expect(text).not.toContain("\n%%");
    // The same statements as for plain names: nothing was added by a name.
    const plain = renderMermaid(hostileGraph()).split("\n").length;
    expect(plain).toBe(renderMermaid({ ...hostileGraph(), sysplex: "P" }).split("\n").length);
    expect(text.split("\n").filter((l) => l.includes("-->")).length).toBe(2);
  });

  it("escape every character outside letters, digits and plain punctuation as a Mermaid entity code", () => {
    expect(mermaidText('a"b')).toBe("a#34;b");
    expect(mermaidText("x]|y")).toBe("x#93;#124;y");
    expect(mermaidText("#quot;")).toBe("#35;quot#59;");
    expect(mermaidText("line\nnext")).toBe("line next");
    expect(mermaidText(HOSTILE).replace(/#\d+;/g, "")).not.toMatch(/["[\]{}()<>|`;&'#%\n]/);
  });
});

describe("colours from verify", () => {
  const g = exampleGraph("two-system.yaml");
  const check = (id: string, system: string | undefined, verdict: "healthy" | "failed" | "degraded" | "not-applicable") => ({
    id,
    ...(system ? { system } : {}),
    title: id,
    expected: "",
    found: "",
    verdict,
  });

  it("classes each judged element by its state, leaves the rest plain, and says what the colours mean", async () => {
    const states = elementStates(g, [check("system.active", "SYSA", "healthy"), check("system.active", "SYSB", "failed")]);
    const text = renderMermaid(g, { states });
    await expect((await mermaid()).parse(text)).resolves.toBeTruthy();
    expect(text).toContain("class sys0 healthy");
    expect(text).toContain("class sys1 unhealthy");
    expect(text).not.toMatch(/class (stack|zt|cache)\d+ /);
    expect(text).toMatch(/classDef unknown fill:#e4e4e4.*stroke-dasharray/);
    for (const s of ["healthy", "degraded", "unhealthy", "unknown"] as ElementState[]) expect(text).toContain(`legend_${s}[`);
  });

  it("draws no colour and no legend without verify", () => {
    const text = renderMermaid(g);
    expect(text).not.toContain("classDef");
    expect(text).not.toContain("legend");
  });
});

describe("the README", () => {
  it("shows the two-system example's Mermaid text exactly as graph prints it", () => {
    const readme = readFileSync(path.join(__dirname, "../../../README.md"), "utf8");
    const block = /^### Graph\n[\s\S]*?^```mermaid\n([\s\S]*?)^```$/m.exec(readme)?.[1];
    expect(block).toBe(renderMermaid(exampleGraph("two-system.yaml")));
  });
});
