/**
 * The Zeebe gRPC gateway front of the embedded engine: serves `gateway_protocol.Gateway` from the proto in
 * @camunda8/sdk with @grpc/grpc-js. Every RPC not implemented answers UNIMPLEMENTED naming it; every error
 * is answered with a status, never thrown into the server.
 */
import * as grpc from '@grpc/grpc-js';
import type { EmbeddedEngine } from '../../client/embedded.js';
import { toServiceError } from './convert.js';
import { unaryHandlers, type Message } from './commands.js';
import { activateJobs, JobStreams } from './jobs.js';
import { loadGatewayService } from './proto.js';

/** Options of the gRPC front. */
export interface GrpcGatewayOptions {
  host?: string;
  /** 0 = a free port. */
  port: number;
  log?: (message: string) => void;
  protoPath?: string;
}

/** A running gRPC front. */
export interface GrpcGateway {
  readonly host: string;
  readonly port: number;
  /** `host:port`, as clients put it after `grpc://`. */
  readonly address: string;
  close(): Promise<void>;
}

type AnyCall = grpc.ServerUnaryCall<Message, Message> | grpc.ServerWritableStream<Message, Message>;

/** Starts the gRPC front on `options.port` (0 = any free port). */
export async function startGrpcGateway(
  engine: EmbeddedEngine,
  options: GrpcGatewayOptions,
): Promise<GrpcGateway> {
  const log = options.log ?? ((m: string) => console.error(m));
  const host = options.host ?? '127.0.0.1';
  const service = loadGatewayService(options.protoPath);
  let bound = options.port;
  const unary = unaryHandlers(engine, () => ({ host, port: bound }));
  const streams = new JobStreams();
  const implementation: grpc.UntypedServiceImplementation = {};

  for (const [name, method] of Object.entries(service)) {
    const rpc = name;
    const fail = (call: AnyCall, e: unknown, callback?: grpc.sendUnaryData<Message>) => {
      const status = toServiceError(rpc, e, log);
      if (callback) callback(status, null);
      else
        (call as grpc.ServerWritableStream<Message, Message>).destroy(
          Object.assign(new Error(status.details), status),
        );
    };
    const handler = unary[rpc];
    if (handler && !method.responseStream) {
      implementation[rpc] = (
        call: grpc.ServerUnaryCall<Message, Message>,
        callback: grpc.sendUnaryData<Message>,
      ) => {
        Promise.resolve()
          .then(() => handler(call.request))
          .then((response) => callback(null, response))
          .catch((e: unknown) => fail(call, e, callback));
      };
    } else if (rpc === 'ActivateJobs' || rpc === 'StreamActivatedJobs') {
      implementation[rpc] = (call: grpc.ServerWritableStream<Message, Message>) => {
        const served =
          rpc === 'ActivateJobs'
            ? activateJobs(engine, call).then(() => call.end())
            : streams.serve(engine, call, log);
        served.catch((e: unknown) => fail(call, e));
      };
    } else if (method.responseStream) {
      implementation[rpc] = (call: grpc.ServerWritableStream<Message, Message>) => {
        call.destroy(
          Object.assign(new Error(`Command '${rpc}' is not implemented by the Một Cửa gateway`), {
            code: grpc.status.UNIMPLEMENTED,
          }),
        );
      };
    } else {
      implementation[rpc] = (
        _call: grpc.ServerUnaryCall<Message, Message>,
        callback: grpc.sendUnaryData<Message>,
      ) => {
        callback(
          {
            code: grpc.status.UNIMPLEMENTED,
            details: `Command '${rpc}' is not implemented by the Một Cửa gateway`,
          },
          null,
        );
      };
    }
  }

  const server = new grpc.Server({
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.http2.min_ping_interval_without_data_ms': 10_000,
    'grpc.max_receive_message_length': 16 * 1024 * 1024,
  });
  server.addService(service, implementation);
  bound = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (err, port) =>
      err ? reject(err) : resolve(port),
    ),
  );
  return {
    host,
    port: bound,
    address: `${host}:${bound}`,
    async close() {
      streams.closeAll();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2_000);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
    },
  };
}
