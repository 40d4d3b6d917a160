/**
 * The listeners: the main z/OSMF, optionally one z/OSMF per system (refusing connections
 * while its system is down), and one local port per distributed DVIPA:port, served only
 * when the TCP/IP model says a server is reachable there (otherwise reset).
 */
import * as http from "node:http";
import * as https from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { EmulatorContext, RequestOrigin } from "./http/context";
import { connectionMoment } from "./http/distributor-policy";
import { returnDueSystems } from "./operator/ipl";
import { handleRequest, type PipelineOptions } from "./http/pipeline";
import type { TlsMaterial } from "./tls";

const HOST = "127.0.0.1";

type AnyServer = http.Server | https.Server;

export interface ListenerSetOptions {
  pipeline: PipelineOptions;
  tls: TlsMaterial | null;
  port: number;
  perSystemListeners: boolean;
  dvipaListeners: boolean;
}

export class ListenerSet {
  readonly systemUrls: Record<string, string> = {};
  readonly dvipaUrls: Record<string, string> = {};
  url = "";
  private main: AnyServer | null = null;
  private readonly systemServers = new Map<string, AnyServer>();
  private readonly dvipaServers = new Map<string, AnyServer | "pending">();
  /** Sockets bound to a system (per-system and DVIPA listeners), to cut when it goes down. */
  private readonly bound = new Map<object, { system: string; dvipa?: string }>();
  private stopped = false;

  constructor(private readonly options: ListenerSetOptions) {}

  private get ctx(): EmulatorContext {
    return this.options.pipeline.ctx();
  }

  /** A system whose IPL has ended by now comes back before a connection is judged (operator/ipl.ts). */
  private refresh(): void {
    if (returnDueSystems(this.ctx.state, this.ctx.clock.now())) this.sync();
  }

  private get scheme(): string {
    return this.options.tls ? "https" : "http";
  }

  private create(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): AnyServer {
    const server = this.options.tls
      ? https.createServer({ key: this.options.tls.keyPem, cert: this.options.tls.certPem }, handler)
      : http.createServer(handler);
    server.keepAliveTimeout = 5_000;
    return server;
  }

  private listen(server: AnyServer, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, HOST, () => {
        server.off("error", reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  private origin(req: http.IncomingMessage, listener: RequestOrigin["listener"], system: string, port: number): RequestOrigin {
    return { listener, system, port, baseUrl: `${this.scheme}://${req.headers.host ?? `${HOST}:${port}`}` };
  }

  private serve(origin: RequestOrigin, req: http.IncomingMessage, res: http.ServerResponse): void {
    handleRequest(this.options.pipeline, origin, req, res).catch((error: Error) => {
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ rc: 16, reason: 0, category: 16, message: `Emulator error: ${error.message}` }));
      }
    });
  }

  /** The system the main z/OSMF runs on: the first system that is up. */
  private mainSystem(): string {
    const systems = this.ctx.state.systems;
    const names = Object.keys(systems);
    return names.find((n) => systems[n].up) ?? names[0];
  }

  async start(): Promise<void> {
    let port = 0;
    this.main = this.create((req, res) => this.serve(this.origin(req, "main", this.mainSystem(), port), req, res));
    port = await this.listen(this.main, this.options.port);
    this.url = `${this.scheme}://${HOST}:${port}`;
    if (this.options.perSystemListeners) {
      for (const name of Object.keys(this.ctx.state.systems)) await this.startSystemListener(name);
    }
    this.sync();
  }

  private async startSystemListener(system: string): Promise<void> {
    let port = 0;
    const server = this.create((req, res) => {
      if (!this.ctx.state.systems[system]?.up) return void req.socket.destroy();
      this.serve(this.origin(req, "system", system, port), req, res);
    });
    server.on("connection", (socket: Socket) => {
      this.refresh();
      if (!this.ctx.state.systems[system]?.up) return void socket.destroy();
      this.track(socket, system);
    });
    this.systemServers.set(system, server);
    port = await this.listen(server, 0);
    this.systemUrls[system] = `${this.scheme}://${HOST}:${port}`;
  }

  private async startDvipaListener(key: string): Promise<void> {
    const [address, portText] = key.split(":");
    const dvipaPort = Number(portText);
    let port = 0;
    const resolve = () => {
      this.refresh();
      return this.ctx.operator.resolveDvipa(this.ctx.state, address, dvipaPort, connectionMoment(this.ctx));
    };
    const server = this.create((req, res) => {
      const bound = this.bound.get(req.socket)?.system;
      // A kept-alive connection whose server went away (noticed while no request changed the
      // state) is cut, as sync() cuts it on a change.
      if (bound && !this.stillThere(key, bound)) return void req.socket.destroy();
      const system = bound ?? resolve();
      if (!system || !this.ctx.state.systems[system]?.up) return void req.socket.destroy();
      this.serve(this.origin(req, "dvipa", system, port), req, res);
    });
    server.on("connection", (socket: Socket) => {
      const system = resolve();
      if (!system) return void socket.destroy();
      this.track(socket, system, key);
    });
    server.on("secureConnection", (socket: Socket) => {
      // The TLS socket is the one requests see; bind it to the same system.
      const system = resolve();
      if (system) this.bound.set(socket, { system, dvipa: key });
    });
    this.dvipaServers.set(key, server);
    port = await this.listen(server, 0);
    this.dvipaUrls[key] = `${this.scheme}://${HOST}:${port}`;
  }

  private track(socket: Socket, system: string, dvipa?: string): void {
    this.bound.set(socket, { system, dvipa });
    socket.once("close", () => this.bound.delete(socket));
  }

  /** After a state change: cut connections to systems that went down; open new DVIPA ports. */
  sync(): void {
    if (this.stopped) return;
    const { state } = this.ctx;
    for (const [socket, info] of this.bound) {
      const up = state.systems[info.system]?.up;
      const moved = info.dvipa !== undefined && !this.stillThere(info.dvipa, info.system);
      if (!up || moved) {
        (socket as Socket).destroy();
        this.bound.delete(socket);
      }
    }
    if (!this.options.dvipaListeners) return;
    for (const system of Object.values(state.systems)) {
      for (const d of system.tcpip.distributions) {
        for (const p of d.ports) {
          const key = `${d.dvipa}:${p}`;
          if (this.dvipaServers.has(key)) continue;
          this.dvipaServers.set(key, "pending");
          void this.startDvipaListener(key);
        }
      }
    }
  }

  /** Whether a connection to the DVIPA key already on `system` would still be sent there now. */
  private stillThere(key: string, system: string): boolean {
    const [address, portText] = key.split(":");
    const port = Number(portText);
    const { operator, state } = this.ctx;
    const moment = connectionMoment(this.ctx);
    if (operator.stillRoutes) return operator.stillRoutes(state, address, port, system, moment);
    return operator.resolveDvipa(state, address, port, moment) === system;
  }

  /** Wait until DVIPA listeners opened by the last sync are listening. */
  async settle(): Promise<void> {
    for (let i = 0; i < 50 && [...this.dvipaServers.values()].some((s) => s === "pending" || !s.listening); i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const servers = [this.main, ...this.systemServers.values(), ...this.dvipaServers.values()].filter(
      (s): s is AnyServer => Boolean(s) && s !== "pending",
    );
    await Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          }),
      ),
    );
    for (const socket of this.bound.keys()) (socket as Socket).destroy();
    this.bound.clear();
  }
}
