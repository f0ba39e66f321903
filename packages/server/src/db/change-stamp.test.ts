import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteChangeStamp } from './change-stamp';
import { withStatementCache } from './statement-cache';

const opened: SQLite.Database[] = [];
let dir = '';

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function connect(file: string): SQLite.Database {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  opened.push(db);
  return db;
}

describe('SQLite change stamp', () => {
  it('stands while nothing is written and moves on a write of its own or a commit of another connection', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-stamp-'));
    const file = path.join(dir, 'db.sqlite');
    const mine = connect(file);
    mine.exec('create table t (n integer)');
    const other = connect(file);
    const cached = withStatementCache(mine);
    const stamp = sqliteChangeStamp(mine, cached.writes);

    const first = stamp();
    cached.prepare('select n from t').all([]);
    expect(stamp()).toBe(first);

    cached.prepare('insert into t (n) values (1)').run([]);
    const afterOwnWrite = stamp();
    expect(afterOwnWrite).not.toBe(first);

    other.prepare('insert into t (n) values (2)').run();
    const afterOtherCommit = stamp();
    expect(afterOtherCommit).not.toBe(afterOwnWrite);
    expect(stamp()).toBe(afterOtherCommit);

    // A write the other connection has not committed yet is not a change.
    other.exec('begin');
    other.prepare('insert into t (n) values (3)').run();
    expect(stamp()).toBe(afterOtherCommit);
    other.exec('commit');
    expect(stamp()).not.toBe(afterOtherCommit);
  });
});
