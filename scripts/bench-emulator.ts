/**
 * Requests per second the emulator sustains for job status GETs
 * (`GET /zosmf/restjobs/jobs/<name>/<id>`) over keep-alive, 8 clients, about 2 seconds.
 * `node lib/scripts/bench-emulator.js [--tls] [--seconds N] [--clients N]`
 */
import * as http from "node:http";
import * as https from "node:https";
import { readFileSync } from "node:fs";
import { start } from "../emulator";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const tls = args.includes("--tls");
  const seconds = Number(args[args.indexOf("--seconds") + 1]) || 2;
  const clients = Number(args[args.indexOf("--clients") + 1]) || 8;
  const emulator = await start({ tls, port: 0 });
  const auth = `Basic ${Buffer.from(`${emulator.user}:${emulator.password}`).toString("base64")}`;
  const lib = tls ? https : http;
  const agent = new lib.Agent({ keepAlive: true, maxSockets: clients, ...(tls ? { ca: readFileSync(emulator.caFile) } : {}) });

  const call = (method: string, path: string, body?: string) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = lib.request(
        `${emulator.url}${path}`,
        { method, agent, headers: { Authorization: auth, "X-CSRF-ZOSMF-HEADER": "true", "Content-Type": "text/plain" } },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  const job = JSON.parse((await call("PUT", "/zosmf/restjobs/jobs", "//BENCH JOB (ACCT),'BENCH'\n//S1 EXEC PGM=IEFBR14\n")).text);
  const path = `/zosmf/restjobs/jobs/${job.jobname}/${job.jobid}`;
  let count = 0;
  let failures = 0;
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < until) {
        const res = await call("GET", path);
        if (res.status === 200) count++;
        else failures++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  await emulator.stop();
  console.log(
    `${Math.round(count / elapsed)} requests/s (${count} job status GETs in ${elapsed.toFixed(2)} s, ${clients} keep-alive clients, ${tls ? "https" : "http"}, ${failures} failures)`,
  );
}

void main();
