import type { IHandlerParameters, ISession } from "@zowe/imperative";
import { ConnectionPropsForSessCfg, ImperativeConfig } from "@zowe/imperative";
import { HaError } from "../src/errors";
import type { ZosmfConnection } from "../src/zosmf";

type Args = Record<string, unknown>;

const seconds = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value * 1000 : undefined;

/** The session fields the connection options give, before credentials are added. */
function sessionConfigOf(args: Args): ISession & { requestCompletionTimeout?: number; socketConnectTimeout?: number } {
  return {
    rejectUnauthorized: args.rejectUnauthorized as boolean | undefined,
    basePath: args.basePath as string | undefined,
    protocol: typeof args.protocol === "string" ? (args.protocol.toLowerCase() as "http" | "https") : "https",
    requestCompletionTimeout: seconds(args.completionTimeout),
    socketConnectTimeout: seconds(args.establishConnectionTimeout),
  };
}

/**
 * The command's own connection: zosmf profile, team config, ZOWE_OPT_* variables and
 * flags, as every Zowe command resolves them. Prompts only on a terminal: a prompt in
 * a pipeline would hang.
 */
export async function connectionFromArguments(params: IHandlerParameters): Promise<ZosmfConnection> {
  let session: ISession;
  try {
    session = await ConnectionPropsForSessCfg.addPropsOrPrompt<ISession>(sessionConfigOf(params.arguments), params.arguments, {
      parms: params,
      doPrompting: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
  } catch (err) {
    throw new HaError(`No usable z/OSMF connection: ${(err as Error).message}`, { failureClass: "invalid-input", cause: err });
  }
  return toConnection(session as SessionLike);
}

/**
 * Another zosmf profile named in the topology (systems[].connection.profile), read from the
 * team configuration the Zowe host already loaded, as `--zosmf-p NAME` would be: the base
 * profile under it, secure values as the host loaded them, no credential store of our own.
 * The command's timeouts apply to it too.
 */
export function resolveNamedConnection(profile: string, params?: IHandlerParameters): ZosmfConnection {
  const config = ImperativeConfig.instance.config;
  if (!config?.exists || !config.api.profiles.exists(profile)) {
    throw new HaError(`The topology names zosmf profile '${profile}', which the Zowe team configuration does not have`, {
      failureClass: "invalid-input",
    });
  }
  const base = config.api.profiles.defaultGet("base") ?? {};
  const args: Args = { ...base, ...config.api.profiles.get(profile) };
  const missing = ["host", "port"].filter((k) => args[k] == null);
  if (missing.length > 0) throw new HaError(`zosmf profile '${profile}' lacks ${missing.join(" and ")}`, { failureClass: "invalid-input" });
  const own = params ? sessionConfigOf(params.arguments) : {};
  return toConnection({
    ...sessionConfigOf(args),
    hostname: String(args.host),
    port: Number(args.port),
    user: args.user as string | undefined,
    password: args.password as string | undefined,
    tokenType: args.tokenType as string | undefined,
    tokenValue: args.tokenValue as string | undefined,
    cert: args.certFile as string | undefined,
    certKey: args.certKeyFile as string | undefined,
    rejectUnauthorized: args.rejectUnauthorized as boolean | undefined,
    requestCompletionTimeout: own.requestCompletionTimeout,
    socketConnectTimeout: own.socketConnectTimeout,
  });
}

type SessionLike = ISession & {
  tokenType?: string;
  tokenValue?: string;
  cert?: string;
  certKey?: string;
  requestCompletionTimeout?: number;
  socketConnectTimeout?: number;
};

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
    // --completion-timeout bounds each request, --establish-connection-timeout each connect, as in the stock Zowe commands.
    ...(s.requestCompletionTimeout ? { requestTimeoutMs: s.requestCompletionTimeout } : {}),
    ...(s.socketConnectTimeout ? { connectTimeoutMs: s.socketConnectTimeout } : {}),
  };
}
