import type { ICommandOptionDefinition } from "@zowe/imperative";
import { ProfileConstants, ZosmfSession } from "@zowe/cli";

/** The standard z/OSMF connection options plus token auth, so profiles, team config and ZOWE_OPT_* all apply. */
export const connectionOptions: ICommandOptionDefinition[] = [
  ...ZosmfSession.ZOSMF_CONNECTION_OPTIONS,
  ProfileConstants.BASE_OPTION_TOKEN_TYPE,
  ProfileConstants.BASE_OPTION_TOKEN_VALUE,
];
