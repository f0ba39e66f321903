import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

interface Encoded {
  json: Buffer;
  gzip: Buffer | null;
}

const encodedByObject = new WeakMap<object, Encoded>();

/** Below this, compressing costs more time than the bytes it saves. */
const COMPRESS_FROM = 1024;

/** Whether the client takes gzip: `gzip` or `*` listed without `q=0`. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of value.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/**
 * Sends a response object that stays the same from request to request until a write makes a
 * new one (a cached roll-up). Its JSON — checked against the route's schema, as the zod
 * serializer does — is written once, and compressed once for the clients that take gzip
 * (every browser): the nation's roll-up is 3 MB of JSON, a province's 45 kB, and writing,
 * measuring and sending them again on every request was most of a cached request's time.
 */
export function sendEncodedOnce<S extends z.ZodType>(
  request: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  data: z.output<S> & object,
): FastifyReply {
  let encoded = encodedByObject.get(data);
  if (encoded === undefined) {
    encoded = { json: Buffer.from(JSON.stringify(schema.encode(data))), gzip: null };
    encodedByObject.set(data, encoded);
  }
  reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (encoded.json.length < COMPRESS_FROM || !acceptsGzip(request.headers['accept-encoding'])) {
    return reply.send(encoded.json);
  }
  encoded.gzip ??= gzipSync(encoded.json);
  return reply.header('content-encoding', 'gzip').send(encoded.gzip);
}
