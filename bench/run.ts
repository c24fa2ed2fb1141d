/**
 * `npm run bench [-- --json FILE] [-- --check] [-- --runs N]`: builds the extension, starts the
 * local stack in memory, and measures what a person feels, in headless Chromium and in Node.
 * Prints a table (median, spread, budget) and optionally JSON; `--check` exits 1 when a budget is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from '../backend/local';
import { DIST, launchExtension } from '../test/e2e/harness';
import { measureBundles, measureQrChunk } from './measures/bundle';
import { measureExtension, writeBlankPage } from './measures/extension';
import { measurePageLatency } from './measures/pageLatency';
import { measureSoak } from './measures/soak';
import { measureSrp } from './measures/srp';
import { RequestCounter } from './measures/requestCounter';
import { measureThroughput } from './measures/throughput';
import { measureWorstRequest } from './measures/worstRequest';
import { table, toJson, verdict, type Figure } from './report';

const { values } = parseArgs({
  options: {
    json: { type: 'string' },
    check: { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Math.max(3, Number(values.runs));
const step = (what: string) => process.stderr.write(`bench: ${what}…\n`);

if (!values['no-build']) {
  step('building the extension');
  execFileSync('npx', ['vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

writeBlankPage(DIST);
const figures: Figure[] = [...measureBundles(DIST), ...measureQrChunk(DIST)];
const counter = new RequestCounter();
step('starting the local stack in memory');
const stack = await startStack({ port: 0, inMemory: true, log: counter.log });
try {
  step('measuring the extension in Chromium');
  const harness = await launchExtension();
  try {
    figures.push(...(await measureExtension(harness, stack, counter, runs)));
  } finally {
    await harness.close();
  }
  step('measuring SRP sign-in CPU');
  figures.push(await measureSrp(stack, runs));
  step('measuring create throughput');
  figures.push(await measureThroughput(stack, 3));
  step('measuring the worst request the cost limits allow');
  figures.push(...(await measureWorstRequest(stack, runs)));
} finally {
  await stack.close();
}
step('measuring page latency at 100 and 10,000 entries');
figures.push(...(await measurePageLatency(runs)));
step('soaking the stack on disk: 8,000 list calls, 2,000 credentials calls');
figures.push(...(await measureSoak()));

console.log(table(figures));
if (values.json) {
  mkdirSync(dirname(values.json), { recursive: true });
  writeFileSync(values.json, `${JSON.stringify(toJson(figures), null, 2)}\n`);
  step(`JSON written to ${values.json}`);
}
const missed = figures.filter((f) => verdict(f) === 'MISSED').map((f) => f.name);
if (missed.length) console.log(`\nBudgets missed: ${missed.join(', ')}`);
if (values.check && missed.length) process.exitCode = 1;
