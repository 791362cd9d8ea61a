// The reference CPI server's database, read the way a person at the CPI would: with sqlite3.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The rows of `query` over the SQLite file in the server's data directory. */
export function sql(dataDir, query) {
  const out = execFileSync('sqlite3', ['-json', join(dataDir, 'cpi.sqlite3'), query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}
