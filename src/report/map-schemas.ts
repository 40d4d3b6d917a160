import { z } from "zod";
import { GRAPH_FORMATS } from "../graph/formats";
import { lines, RESULT_SCHEMA_VERSION, text } from "./schema-parts";

/* The `data` of `--rfj` for discover and graph, the commands that draw the sysplex (see result-schemas.ts). */

export const discoverResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    draft: text.describe("the draft topology, comments included; also when --out wrote it"),
    file: text.optional().describe("the file --out wrote, absolute; absent when the draft was printed"),
    systems: z.array(
      z.object({
        name: text,
        down: text.optional().describe("why the system is marked down; its values in the draft are TODOs"),
      }),
    ),
    todos: z
      .array(z.object({ path: text.describe("the field, e.g. zosmfHa.dvipa or systems[1].tcpip.dynamicXcf.address"), what: text }))
      .describe("the values a person must decide or look at; their values in the draft are placeholders"),
    notes: lines.describe("what could not be read, one line each"),
    problems: lines.describe("the topology rules' refusals of the draft; empty when it validates (as it should)"),
    zosmfHa: z.boolean().describe("the draft has a zosmfHa section (its provision dry run always plans the RACF listing job)"),
  })
  .describe("zowe ha discover --rfj: data");

export const graphResultSchema = z
  .object({
    schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
    format: z.enum(GRAPH_FORMATS),
    sysplex: text,
    output: text.optional().describe("the picture, when it was not written to a file"),
    file: text.optional().describe("the file --out wrote, absolute"),
    verified: z.boolean().describe("--verify read the sysplex: each state is then the latest verdict of the checks that judge it"),
    elements: z
      .array(
        z.object({
          id: text.describe("the element's node id in the picture"),
          kind: z.enum(["system", "stack", "dvipa", "target", "port-group", "caching"]),
          state: z
            .enum(["healthy", "degraded", "unhealthy", "unknown", "neutral"])
            .describe("neutral: no check judges it, or no --verify; unknown: its checks could not tell (not read, or not applicable)"),
        }),
      )
      .describe("every element drawn, with its state"),
  })
  .describe("zowe ha graph --rfj: data");
