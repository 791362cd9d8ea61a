// The reference CPI server's database, read the way a person at the CPI would: with sqlite3;
// and servers of a test's own, for tests that stop one or deploy under it.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The rows of `query` over the SQLite file in the server's data directory. */
export function sql(dataDir, query) {
  const out = execFileSync('sqlite3', ['-json', join(dataDir, 'cpi.sqlite3'), query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

/** A loopback port nobody listens on. */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts the CPI server (`CPI_BIN`, set by `cargo xtask test`) and waits until it answers. */
export async function startServer({ dist = process.env.DIST ?? 'dist', dataDir, port }) {
  const child = spawn(process.env.CPI_BIN, ['--dist', dist, '--data', dataDir, '--addr', `127.0.0.1:${port}`], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the CPI server did not start');
}
