export { createZosmfClient, type ZosmfClient } from "./client";
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRY_POLICY,
  TOKEN_TYPES,
  type RetryPolicy,
  type TokenType,
  type ZosmfConnection,
} from "./connection";
export { normalizeEtag, parseRetryAfter } from "./to-zosmf-error";
export { SubmitOutcomeUnknownError, ZosmfError, type ZosmfErrorKind, type ZosmfReport } from "./errors";
export { CSRF_HEADER, createZosmfHttp, isLogonRequest, type RequestEvent, type ZosmfClientOptions, type ZosmfHttp } from "./http";
export { isTransient } from "./retry";
export { pollUntil, sleep, type PollOptions, type PollResult } from "./poll";
export type { ZosmfInfo } from "./info";
export {
  JOB_POLL_BACKOFF_FACTOR,
  JOB_POLL_INITIAL_DELAY_MS,
  JOB_POLL_MAX_DELAY_MS,
  JobWaitTimeoutError,
  type FindSubmittedOptions,
  type JobDocument,
  type JobOutcome,
  type JobRef,
  type JobsApi,
  type ListJobsOptions,
  type SpoolFile,
  type SubmitJclOptions,
  type SubmitMemberOptions,
  type WaitForOutputOptions,
} from "./jobs";
export type {
  CopyMemberOptions,
  DatasetAttributes,
  DatasetListItem,
  FileContent,
  FilesApi,
  MemberRef,
  MountedFileSystem,
  WriteOptions,
  WriteResult,
} from "./files";
export {
  CONSOLE_DEFAULT_FOLLOW_UP_DELAY_MS,
  CONSOLE_DEFAULT_MAX_FOLLOW_UPS,
  CONSOLE_MAX_FOLLOW_UPS_WHEN_CHECKED,
  splitLines,
  type CollectOptions,
  type ConsoleApi,
  type ConsoleResponse,
  type IssueOptions,
} from "./console";
