import { describe, expect, it } from "vitest";
import * as parsers from "../../../src/parsers/index";
import { parseNetstat } from "../../../src/parsers/index";
import { sample } from "./helpers";

describe("parseNetstat", () => {
  it.each([
    ["VIPADCFG", "vipadcfg-hotstandby-sysa.txt"],
    ["VDPT", "vdpt-hotstandby.txt"],
    ["VIPADYN", "vipadyn.txt"],
    ["PORTLIST", "portlist.txt"],
    ["HOME", "home.txt"],
    ["CONN", "conn-listen.txt"],
  ] as const)("reads %s", (report, file) => {
    const r = parseNetstat(report, sample(file));
    expect(r).toMatchObject({ kind: "ok", report });
  });

  it("narrows the data type by report", () => {
    const r = parseNetstat("VDPT", sample("vdpt-hotstandby.txt"));
    if (r.kind !== "ok") throw new Error("expected ok");
    expect(r.data.entries.filter((e) => e.flg === "ACTIVE")).toHaveLength(1);
  });

  it("never reads one report's response as another", () => {
    const files = ["vipadcfg-hotstandby-sysa.txt", "vdpt-hotstandby.txt", "vipadyn.txt", "portlist.txt", "home.txt", "conn-listen.txt"];
    const reports = ["VIPADCFG", "VDPT", "VIPADYN", "PORTLIST", "HOME", "CONN"] as const;
    reports.forEach((report, i) => {
      files.forEach((file, j) => {
        if (i !== j) expect(parseNetstat(report, sample(file)).kind, `${report} from ${file}`).toBe("unrecognised");
      });
    });
  });

  it("re-exports every parser", () => {
    for (const name of [
      "parseFrame",
      "parseVipadcfg",
      "parseVdpt",
      "parseVipadyn",
      "parsePortlist",
      "parseHome",
      "parseConnections",
      "listenersOn",
      "parseObeyResponse",
      "parseIzuprm",
    ]) {
      expect(typeof (parsers as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
