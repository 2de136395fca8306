/**
 * Starts the embedded engine's network fronts: the Zeebe gRPC gateway and (unless disabled) the Camunda REST v2
 * gateway, on one embedded engine whose clock follows wall time until the REST clock endpoint pins it.
 */
import type { FastifyInstance } from 'fastify';
import { createEmbeddedEngine, type EmbeddedEngine } from '../client/embedded.js';
import { ControlledClock } from '../runtime/clock.js';
import { startGrpcGateway, type GrpcGateway } from './grpc/server.js';
import { createRestGateway } from './rest/index.js';

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
  /** `http://host:port` of the REST front, unless it is disabled. */
  restAddress?: string;
  /** Why there is no REST front, when there is none. */
  restUnavailable?: string;
  close(): Promise<void>;
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
    engine = await createEmbeddedEngine({
      databaseUrl: options.databaseUrl,
      clock,
      startSchedulers: true,
      poolSize: options.poolSize ?? 20,
    });
  }
  if (!clock) throw new Error('startGateways: pass the engine’s ControlledClock with the engine');
  const grpc = await startGrpcGateway(engine, { host, port: options.grpcPort, log });
  let rest: FastifyInstance | undefined;
  let restAddress: string | undefined;
  let restUnavailable: string | undefined;
  if (options.restPort === false) {
    restUnavailable = 'disabled';
  } else {
    rest = await createRestGateway(engine, clock);
    await rest.listen({ host, port: options.restPort });
    const a = rest.server.address();
    const port = typeof a === 'object' && a !== null ? a.port : options.restPort;
    restAddress = `http://${host}:${port}`;
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
