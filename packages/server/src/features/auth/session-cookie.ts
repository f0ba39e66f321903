import type { CookieSerializeOptions } from '@fastify/cookie';

export const SESSION_COOKIE = 'ntm_session';
/** Readable by the page's script, which echoes it in the X-CSRF-Token header of every write. */
export const CSRF_COOKIE = 'ntm_csrf';

export function sessionCookieOptions(secure: boolean, maxAgeSeconds: number): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: maxAgeSeconds };
}

export function csrfCookieOptions(secure: boolean, maxAgeSeconds: number): CookieSerializeOptions {
  return { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge: maxAgeSeconds };
}
