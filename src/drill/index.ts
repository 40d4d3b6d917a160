export { drill } from "./engine";
export { renderDrillJunit, renderDrillText } from "./report";
export * from "./types";
