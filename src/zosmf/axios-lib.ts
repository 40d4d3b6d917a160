import type Axios from "axios";
import type { AxiosError } from "axios";

/*
 * The HTTP library loads when the first client or probe is made, not when a command's handler
 * loads: a command that stops on bad input never talks to z/OS and need not pay for it.
 */

let lib: typeof Axios | undefined;

/** The axios module, required on first use. */
export function axiosLib(): typeof Axios {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use; client creation stays synchronous
  return (lib ??= require("axios") as typeof Axios);
}

/**
 * Whether a thrown value is an axios error, without loading axios: the same test axios's own
 * `isAxiosError` makes (an object whose `isAxiosError` flag is true).
 */
export function isAxiosError(err: unknown): err is AxiosError {
  return typeof err === "object" && err !== null && (err as { isAxiosError?: unknown }).isAxiosError === true;
}
