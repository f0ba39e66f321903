import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const defaultWebRoot = path.resolve(import.meta.dirname, '../../../web/dist');

/**
 * Serves the built web application, and its index.html for client-side routes, so that
 * a bookmarked page such as /don-vi/… opens directly. Returns false when there is no build.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  const index = path.join(root, 'index.html');
  if (!fs.existsSync(index)) return false;
  await app.register(fastifyStatic, { root, wildcard: false, index: false });
  const page = fs.readFileSync(index, 'utf8');
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') return reply.callNotFound();
    const file = path.join(root, path.normalize(request.url.split('?')[0] ?? '/'));
    if (file.startsWith(root) && file !== root && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(root, file), { maxAge: '1y', immutable: true });
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);
  });
  app.get('/', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page),
  );
  return true;
}
