/**
 * Loads Zeebe's gateway protocol from the proto file shipped in `@camunda8/sdk` (never copied into this
 * repository), with the same proto-loader options the official client uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const RELATIVE = path.join('node_modules', '@camunda8', 'sdk', 'dist', 'proto', 'zeebe.proto');

/** The proto-loader options of @camunda8/sdk: int64 as decimal strings, enums as names. */
export const PROTO_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/**
 * Finds `@camunda8/sdk/dist/proto/zeebe.proto` by walking up from each start folder (the working directory
 * and the running script's folder by default), checking `node_modules` and `engine/node_modules`.
 */
export function locateZeebeProto(
  starts: string[] = [process.cwd(), path.dirname(process.argv[1] ?? process.cwd())],
): string {
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      for (const candidate of [path.join(dir, RELATIVE), path.join(dir, 'engine', RELATIVE)]) {
        if (fs.existsSync(candidate)) return candidate;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`Cannot find ${RELATIVE} above ${starts.join(' or ')}: is @camunda8/sdk installed?`);
}

interface LoadedProtocol {
  gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } };
}

/** The `gateway_protocol.Gateway` service definition. */
export function loadGatewayService(protoPath: string = locateZeebeProto()): grpc.ServiceDefinition {
  const definition = protoLoader.loadSync(protoPath, PROTO_OPTIONS);
  const loaded = grpc.loadPackageDefinition(definition) as unknown as LoadedProtocol;
  return loaded.gateway_protocol.Gateway.service;
}
