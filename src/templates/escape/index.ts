import { commentText } from "./comment";
import { idcamsOperand } from "./idcams";
import { instreamRecord } from "./instream";
import { dataSetName, jclName, jclNamePart, jclQuotedText } from "./jcl";
import { obeyToken } from "./obey";
import { parmlibQuotedText, parmlibWord } from "./parmlib";
import { shellWord } from "./shell";
import { tsoQuotedText, tsoWord } from "./tso";

export { Refusal, preview } from "./refusal";
export { consoleOperand, type ConsoleOperandFormat } from "./console";
export { zoweYamlText } from "./zowe-yaml";

/** An escaping function: the value written for one language, or a Refusal. */
export type Escaper = (value: string | number) => string;

/**
 * The template helpers, by the name templates use, with the language each writes. These are
 * the only ways a template can write a value (see ../value.ts).
 */
export const ESCAPERS: Readonly<Record<string, { readonly escape: Escaper; readonly language: string }>> = {
  jcl: { escape: jclQuotedText, language: "text inside a JCL operand's apostrophes" },
  jclname: { escape: jclName, language: "a JCL name" },
  jclnamepart: { escape: jclNamePart, language: "part of a JCL name" },
  dsn: { escape: dataSetName, language: "a data set name" },
  sh: { escape: shellWord, language: "a shell word" },
  obey: { escape: obeyToken, language: "a TCP/IP profile token" },
  idcams: { escape: idcamsOperand, language: "an IDCAMS operand" },
  parmlib: { escape: parmlibWord, language: "a PARMLIB operand" },
  parmlibq: { escape: parmlibQuotedText, language: "text inside a PARMLIB value's apostrophes" },
  tsotext: { escape: tsoQuotedText, language: "text inside a TSO operand's apostrophes" },
  tsoword: { escape: tsoWord, language: "a TSO operand" },
  comment: { escape: commentText, language: "comment text" },
  instream: { escape: instreamRecord, language: "a record of in-stream data" },
};
