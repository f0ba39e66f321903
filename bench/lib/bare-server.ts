import Fastify from 'fastify';

/** The reference for the load benchmark: the same Fastify, one route, no database, no schema. */
const app = Fastify({ logger: false });
app.get('/bare', async () => ({ hello: 'world' }));
// The cost of the bytes alone: a ready-made body as large as the product's response.
const bodies = new Map<number, Buffer>();
app.get<{ Params: { bytes: string } }>('/bare/:bytes', async (request, reply) => {
  const bytes = Math.min(Number(request.params.bytes) || 0, 10_000_000);
  let body = bodies.get(bytes);
  if (!body) {
    body = Buffer.from(JSON.stringify({ data: 'x'.repeat(Math.max(0, bytes - 11)) }));
    bodies.set(bytes, body);
  }
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().finally(() => process.exit(0));
  });
}
