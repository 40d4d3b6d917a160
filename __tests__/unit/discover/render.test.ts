import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { found, plainOf, todo, todosOf } from "../../../src/discover/found";
import { renderDraft } from "../../../src/discover/render";

describe("the draft as YAML", () => {
  it("keeps values as data and each source as one comment line on its value", () => {
    const hostile = "a: b\n- c # d";
    const text = renderDraft({ name: found(hostile, "from a member\nwith: a second line") }, ["heading"]);
    expect(parse(text)).toEqual({ name: hostile });
    const node = parseDocument(text).get("name", true) as { comment?: string };
    expect(node.comment?.trim()).toBe("from a member with: a second line");
  });

  it("marks what was not found TODO, and leaves an optional field it cannot fill out, saying so", () => {
    const draft = {
      ipl: { ieasys: todo(undefined, "name the IEASYSxx"), bpxprm: found("SA", "OMVS= of IEASYSSA") },
      dvipa: todo("192.0.2.10", "choose one"),
    };
    const text = renderDraft(draft, []);
    expect(parse(text)).toEqual({ ipl: { bpxprm: "SA" }, dvipa: "192.0.2.10" });
    expect(plainOf(draft)).toEqual({ ipl: { bpxprm: "SA" }, dvipa: "192.0.2.10" });
    expect(text).toMatch(/^dvipa: 192\.0\.2\.10 # TODO: choose one$/m);
    expect(text).toMatch(/# TODO: ieasys: name the IEASYSxx/);
    expect(todosOf(draft)).toEqual([
      { path: "ipl.ieasys", what: "name the IEASYSxx" },
      { path: "dvipa", what: "choose one" },
    ]);
  });
});
