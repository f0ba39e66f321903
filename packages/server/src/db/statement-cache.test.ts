import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

let sqlite: SQLite.Database;

afterEach(() => {
  if (sqlite.open) sqlite.close();
});

function open() {
  sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (n integer)');
  return withStatementCache(sqlite, 2);
}

describe('SQLite statement cache', () => {
  it('prepares a query text once and reuses it', () => {
    const db = open();
    const first = db.prepare('select n from t');
    expect(db.prepare('select n from t')).toBe(first);
    expect(db.prepare('select n + 1 from t')).not.toBe(first);
  });

  it('drops the least recently used statement beyond its size', () => {
    const db = open();
    const a = db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    const b = db.prepare('select 2');
    expect(db.prepare('select 2')).toBe(b);
  });

  it('hands out a fresh statement while the cached one is being iterated', () => {
    const db = open();
    sqlite.exec('insert into t values (1), (2)');
    const streaming = db.prepare('select n from t');
    const rows = streaming.iterate([]);
    rows.next();
    const other = db.prepare('select n from t');
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    rows.return?.();
  });

  it('does not keep long bulk statements', () => {
    const db = open();
    const values = Array.from({ length: 2_000 }, () => '(?)').join(', ');
    const sql = `insert into t (n) values ${values}`;
    expect(db.prepare(sql)).not.toBe(db.prepare(sql));
  });
});
