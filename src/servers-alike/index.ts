export { configDifferences, readConfig, sharedText, type ServerFacts } from "./compare";
export { kindOfForm, type ConfigFact, type ConfigFacts, type ConfigKind } from "./facts";
export { alikeGroups, whose, type AlikeGroup, type NamedConfig } from "./groups";
export { readHwscfg } from "./hwscfg";
export { readServerXml } from "./server-xml";
