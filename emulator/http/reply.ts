/**
 * The only way handlers answer. Going through one object lets a fault drop the answer
 * after the request took effect (the socket is destroyed instead of written).
 */
import type { ServerResponse } from "node:http";
import type { ErrorForm } from "../zosmf-forms";

export type Headers = Record<string, string>;

export class Reply {
  /** Set by the "lostResponse" fault: the work is done, the answer never leaves. */
  drop = false;
  sent = false;

  constructor(private readonly res: ServerResponse) {}

  private write(status: number, headers: Headers, body?: string): void {
    if (this.sent) return;
    this.sent = true;
    if (this.drop) {
      this.res.socket?.destroy();
      return;
    }
    const all: Headers = { ...headers };
    if (body !== undefined) all["Content-Length"] = String(Buffer.byteLength(body));
    else if (status !== 204 && status !== 304) all["Content-Length"] = "0";
    this.res.writeHead(status, all);
    this.res.end(body);
  }

  json(status: number, body: unknown, headers: Headers = {}): void {
    this.write(status, { "Content-Type": "application/json; charset=UTF-8", ...headers }, JSON.stringify(body));
  }

  text(status: number, body: string, headers: Headers = {}): void {
    this.write(status, { "Content-Type": "text/plain; charset=UTF-8", ...headers }, body);
  }

  empty(status: number, headers: Headers = {}): void {
    this.write(status, headers);
  }

  error(form: ErrorForm): void {
    this.json(form.status, form.body);
  }

  setCookie(values: string[]): void {
    this.res.setHeader("Set-Cookie", values);
  }
}
