import type { IHandlerParameters, ISession } from "@zowe/imperative";
import { ConnectionPropsForSessCfg, ProfileInfo } from "@zowe/imperative";
import { ZosmfSession } from "@zowe/cli";
import { HaError } from "../src/errors";
import type { ZosmfConnection } from "../src/zosmf";

/**
 * The command's own connection: zosmf profile, team config, ZOWE_OPT_* variables and
 * flags, as every Zowe command resolves them. Prompts only on a terminal: a prompt in
 * a pipeline would hang.
 */
export async function connectionFromArguments(params: IHandlerParameters): Promise<ZosmfConnection> {
  const sessCfg = ZosmfSession.createSessCfgFromArgs(params.arguments);
  let session: ISession;
  try {
    session = await ConnectionPropsForSessCfg.addPropsOrPrompt<ISession>(sessCfg, params.arguments, {
      parms: params,
      doPrompting: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
  } catch (err) {
    throw new HaError(`No usable z/OSMF connection: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
  }
  return toConnection(session as SessionLike);
}

/** Another zosmf profile named in the topology (systems[].connection.profile). */
export async function resolveNamedConnection(profile: string): Promise<ZosmfConnection> {
  const info = new ProfileInfo("zowe");
  await info.readProfilesFromDisk();
  const found = info.getAllProfiles("zosmf").find((p) => p.profName === profile);
  if (!found) {
    throw new HaError(`The topology names zosmf profile '${profile}', which the Zowe configuration does not have`, {
      failureClass: "invalid-input",
    });
  }
  const merged = info.mergeArgsForProfile(found, { getSecureVals: true });
  const args: Record<string, unknown> = {};
  for (const arg of merged.knownArgs) args[arg.argName] = arg.argValue;
  const missing = ["host", "port"].filter((k) => args[k] == null);
  if (missing.length > 0) {
    throw new HaError(`zosmf profile '${profile}' lacks ${missing.join(" and ")}`, { failureClass: "invalid-input" });
  }
  return toConnection({
    hostname: String(args.host),
    port: Number(args.port),
    protocol: (args.protocol as "http" | "https") ?? "https",
    basePath: args.basePath as string | undefined,
    user: args.user as string | undefined,
    password: args.password as string | undefined,
    tokenType: args.tokenType as string | undefined,
    tokenValue: args.tokenValue as string | undefined,
    cert: args.certFile as string | undefined,
    certKey: args.certKeyFile as string | undefined,
    rejectUnauthorized: args.rejectUnauthorized as boolean | undefined,
  });
}

type SessionLike = ISession & { tokenType?: string; tokenValue?: string; cert?: string; certKey?: string; requestCompletionTimeout?: number };

function toConnection(s: SessionLike): ZosmfConnection {
  if (!s.hostname) throw new HaError("No z/OSMF host: give --host, a zosmf profile, or ZOWE_OPT_HOST", { failureClass: "invalid-input" });
  return {
    hostname: s.hostname,
    port: Number(s.port ?? 443),
    protocol: s.protocol === "http" ? "http" : "https",
    basePath: s.basePath || undefined,
    user: s.user,
    password: s.password,
    tokenType: s.tokenType,
    tokenValue: s.tokenValue,
    certFile: s.cert,
    certKeyFile: s.certKey,
    rejectUnauthorized: s.rejectUnauthorized !== false,
    // --completion-timeout (seconds) bounds each request, as in the stock Zowe commands.
    ...(s.requestCompletionTimeout ? { requestTimeoutMs: s.requestCompletionTimeout } : {}),
  };
}
