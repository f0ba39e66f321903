import type { Dataset } from '../dataset/national';
import type { Session } from './http';
import type { Cell } from './table';

export interface Options {
  quick: boolean;
  /** Only the year PostgreSQL gets (the latest of the old structure): loads in minutes, not an hour. */
  latestYear: boolean;
  /** Benchmarks to run; all when empty. */
  only: readonly string[];
  postgres: boolean;
  /** Repetitions of each measurement; the tables show their median and spread. */
  runs: number;
  label: string;
}

export interface BenchContext {
  options: Options;
  dataset: Dataset;
  /** The working copy of the SQLite data set (changed by the write benchmarks). */
  sqliteFile: string;
  /** PostgreSQL URL of the loaded schema, or null when PostgreSQL is skipped. */
  postgresUrl: string | null;
  /** The bench sets as a deployment catalog folder, for server processes (CATALOG_DIR). */
  catalogDir: string;
  /** A province admin signed in on each database. */
  sessions: { sqlite: Session; postgres: Session | null };
  log(line: string): void;
}

/** What one benchmark reports: its table and the figures behind it. */
export interface Section {
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  notes?: string[];
  data: Record<string, unknown>;
}

export async function repeat<T>(runs: number, measure: (run: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let run = 0; run < runs; run++) out.push(await measure(run));
  return out;
}
