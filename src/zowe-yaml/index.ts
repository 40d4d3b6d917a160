export { cachingServiceSettings } from "./caching-service";
export { checkedSettings } from "./checked";
export { gatewaySettings } from "./gateway";
export { cachingInstanceSystems, haInstanceIds } from "./ha-instances";
export { sameValue, shownValue, valueAt, type SettingCheck, type ZoweYamlSetting, type ZoweYamlValue } from "./setting";
