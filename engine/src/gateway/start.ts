/**
 * Starts the embedded engine's network fronts: the Zeebe gRPC gateway and (when present) the Camunda REST v2
 * gateway, on one embedded engine whose clock follows wall time until the REST clock endpoint pins it.
 */
import { createEmbeddedEngine, type EmbeddedEngine } from '../client/embedded.js';
import { ControlledClock } from '../runtime/clock.js';
import { startGrpcGateway, type GrpcGateway } from './grpc/server.js';

/** Options of `startGateways`. */
export interface GatewaysOptions {
  /** A migrated database (ignored when `engine` is given). */
  databaseUrl?: string;
  /** Serve this engine instead of creating one (its clock must then be given too). */
  engine?: EmbeddedEngine;
  clock?: ControlledClock;
  host?: string;
  /** 0 = a free port. */
  grpcPort: number;
  /** 0 = a free port; `false` = no REST front. */
  restPort: number | false;
  log?: (message: string) => void;
  poolSize?: number;
}

/** The running fronts. */
export interface Gateways {
  engine: EmbeddedEngine;
  clock: ControlledClock;
  grpc: GrpcGateway;
  /** `http://host:port` of the REST front, when it is available. */
  restAddress?: string;
  /** Why there is no REST front, when there is none. */
  restUnavailable?: string;
  close(): Promise<void>;
}

interface RestServer {
  listen(options: { host: string; port: number }): Promise<string>;
  close(): Promise<unknown>;
  server: { address(): unknown };
}
type RestFactory = (engine: EmbeddedEngine, clock: ControlledClock) => Promise<RestServer>;

/** Loads `./rest/index.js` if that front is built; the gRPC front does not depend on it. */
async function loadRestFactory(): Promise<RestFactory | string> {
  const specifier = './rest/index.js';
  try {
    const loaded: unknown = await import(specifier);
    const factory = (loaded as { createRestGateway?: unknown }).createRestGateway;
    return typeof factory === 'function' ? (factory as RestFactory) : 'rest/index.js exports no createRestGateway';
  } catch (e) {
    return `the REST front could not be loaded: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** Starts the engine (unless given) and both fronts. `close()` stops the fronts, then the engine it created. */
export async function startGateways(options: GatewaysOptions): Promise<Gateways> {
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((m: string) => console.log(m));
  let clock = options.clock;
  let engine = options.engine;
  const ownsEngine = !engine;
  if (!engine) {
    if (!options.databaseUrl) throw new Error('startGateways needs a databaseUrl or an engine');
    clock = clock ?? new ControlledClock();
    clock.reset();
    engine = await createEmbeddedEngine({ databaseUrl: options.databaseUrl, clock, startSchedulers: true, poolSize: options.poolSize ?? 20 });
  }
  if (!clock) throw new Error('startGateways: pass the engine’s ControlledClock with the engine');
  const grpc = await startGrpcGateway(engine, { host, port: options.grpcPort, log });
  let rest: RestServer | undefined;
  let restAddress: string | undefined;
  let restUnavailable: string | undefined;
  if (options.restPort !== false) {
    const factory = await loadRestFactory();
    if (typeof factory === 'string') {
      restUnavailable = factory;
      log(`[gateway] REST v2 front not started: ${factory}`);
    } else {
      rest = await factory(engine, clock);
      await rest.listen({ host, port: options.restPort });
      const a = rest.server.address();
      const port = typeof a === 'object' && a !== null && 'port' in a ? Number((a as { port: unknown }).port) : options.restPort;
      restAddress = `http://${host}:${port}`;
    }
  }
  const started = engine;
  return {
    engine: started,
    clock,
    grpc,
    restAddress,
    restUnavailable,
    async close() {
      await grpc.close();
      await rest?.close();
      if (ownsEngine) await started.close();
    },
  };
}
