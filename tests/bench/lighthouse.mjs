// Not a test: `cargo xtask bench` runs this. Lighthouse's default mobile audit (simulated slow
// 4G and a mid-range phone's CPU) of `/`, three runs, the median of each figure. The server
// sends the precompressed build, as production would. Prints `BENCH` lines.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARGS, BASE_URL } from '../e2e/browser.mjs';

const RUNS = 3;
const LIGHTHOUSE = fileURLToPath(new URL('./tools/node_modules/lighthouse/cli/index.js', import.meta.url));
const route = process.argv[2] ?? '/';

function audit() {
  const profile = mkdtempSync(join(tmpdir(), 'sportello-lighthouse-'));
  try {
    const out = execFileSync(
      process.execPath,
      [
        LIGHTHOUSE,
        BASE_URL + route,
        '--output=json',
        '--output-path=stdout',
        '--quiet',
        '--only-categories=performance,accessibility',
        `--chrome-flags=${ARGS.join(' ')} --user-data-dir=${profile}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 256 << 20 },
    );
    const lhr = JSON.parse(out.toString());
    const ms = (id) => lhr.audits[id].numericValue;
    return {
      performance: Math.round(lhr.categories.performance.score * 100),
      accessibility: Math.round(lhr.categories.accessibility.score * 100),
      fcp_ms: ms('first-contentful-paint'),
      lcp_ms: ms('largest-contentful-paint'),
      tbt_ms: ms('total-blocking-time'),
      cls: ms('cumulative-layout-shift'),
    };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Lighthouse sometimes fails to record a trace ("Something went wrong recording the trace …
 *  Please run Lighthouse again"): such a run is run again, up to twice, and said so. */
function auditWithRetry() {
  for (let attempt = 1; ; attempt++) {
    try {
      return audit();
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`BENCH   lighthouse run failed (${String(e.message).split('\n')[0]}), running it again`);
    }
  }
}

const runs = Array.from({ length: RUNS }, auditWithRetry);
const median = (key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const fixed = (v, digits) => Number(v).toFixed(digits);
console.log(
  `BENCH lighthouse_mobile route=${route} runs=${RUNS} performance=${median('performance')} ` +
    `accessibility=${median('accessibility')} fcp_ms=${fixed(median('fcp_ms'), 0)} lcp_ms=${fixed(median('lcp_ms'), 0)} ` +
    `tbt_ms=${fixed(median('tbt_ms'), 0)} cls=${fixed(median('cls'), 3)}`,
);
