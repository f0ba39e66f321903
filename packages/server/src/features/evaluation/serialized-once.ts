import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { z } from 'zod';

const written = new WeakMap<object, string>();

/**
 * Writes each response object's JSON — checked against the route's schema, as the zod
 * serializer does — once. Cached roll-ups are the same object from request to request until a
 * write makes a new one, and writing the nation's (8,000 communes, 3 MB) took longer than all
 * the rest of a cached request.
 */
export const serializeOnceCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  if (!(schema instanceof z.ZodType))
    throw new Error('serializeOnceCompiler: the response schema must be zod');
  return (data) => {
    if (typeof data !== 'object' || data === null) return JSON.stringify(schema.encode(data));
    let json = written.get(data);
    if (json === undefined) {
      json = JSON.stringify(schema.encode(data));
      written.set(data, json);
    }
    return json;
  };
};
