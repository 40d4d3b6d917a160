import type { AxiosInstance } from "axios";
import type { ZosmfConnection } from "./connection";
import { createConsoleApi, type ConsoleApi } from "./console";
import { createFilesApi, type FilesApi } from "./files";
import { createSend, createZosmfHttp, type ZosmfClientOptions } from "./http";
import { createInfo, type ZosmfInfo } from "./info";
import { createJobsApi, type JobsApi } from "./jobs";
import { createUssModeApi, type UssModeApi } from "./uss-mode";

export interface ZosmfClient {
  /** The configured axios instance, for requests no operation covers yet. */
  readonly http: AxiosInstance;
  info(): Promise<ZosmfInfo>;
  readonly jobs: JobsApi;
  readonly files: FilesApi & UssModeApi;
  readonly console: ConsoleApi;
  /** Logs off (when the client logged on) and closes kept-alive connections; call when done. */
  close(): Promise<void>;
}

/**
 * The one z/OSMF client: validates the connection and credentials, then exposes typed operations.
 * `options.log` gets a line per request and per look at a job being waited for.
 */
export function createZosmfClient(conn: ZosmfConnection, options: ZosmfClientOptions = {}): ZosmfClient {
  const zhttp = createZosmfHttp(conn, options);
  const send = createSend(zhttp);
  return {
    http: zhttp.axios,
    info: createInfo(send),
    jobs: createJobsApi(send, options.log),
    files: { ...createFilesApi(send), ...createUssModeApi(send) },
    console: createConsoleApi(send),
    close: zhttp.close,
  };
}
