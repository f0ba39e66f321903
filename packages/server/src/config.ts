import path from 'node:path';

export interface Config {
  /** PostgreSQL when set; the embedded SQLite file under `dataDir` otherwise. */
  databaseUrl: string | null;
  dataDir: string;
  /** Folder of the deployment's own criteria sets and overlays, added to the shipped catalog. */
  catalogDir: string | null;
  port: number;
  host: string;
  /** Marks the session cookies Secure: set COOKIE_SECURE=1 when users reach the server over HTTPS. */
  cookieSecure: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  }
  const secure = env.COOKIE_SECURE?.trim().toLowerCase() ?? '';
  if (!['', '0', '1', 'true', 'false'].includes(secure)) {
    throw new ConfigError(`COOKIE_SECURE must be 1 or 0, got "${env.COOKIE_SECURE}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    // npm runs workspace scripts inside the package; INIT_CWD is where the user typed the command.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR?.trim() || 'data'),
    catalogDir: env.CATALOG_DIR?.trim()
      ? path.resolve(env.INIT_CWD ?? process.cwd(), env.CATALOG_DIR.trim())
      : null,
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    cookieSecure: secure === '1' || secure === 'true',
  };
}
