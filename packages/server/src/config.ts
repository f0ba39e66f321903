import path from 'node:path';

export interface Config {
  /** PostgreSQL when set; the embedded SQLite file under `dataDir` otherwise. */
  databaseUrl: string | null;
  dataDir: string;
  port: number;
  host: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number (0–65535), got "${env.PORT}"`);
  }
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    // npm runs workspace scripts inside the package; INIT_CWD is where the user typed the command.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR?.trim() || 'data'),
    port,
    host: env.HOST?.trim() || '0.0.0.0',
  };
}
