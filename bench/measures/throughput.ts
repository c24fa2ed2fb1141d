import { performance } from 'node:perf_hooks';
import type { Figure } from '../report';
import { summarize } from '../stats';
import { credentialsFor, signedGraphql } from './signedClient';
import type { RunningStack } from '../../backend/local';

const CREATE = 'mutation Create($content: String!) { createEntry(content: $content) { id } }';

/** Entries created per second by 20 concurrent signed clients (20 users) against the local stack. */
export async function measureThroughput(
  stack: RunningStack,
  runs: number,
  clients = 20,
  perClient = 25,
): Promise<Figure> {
  const creds = await Promise.all(
    Array.from({ length: clients }, (_, i) =>
      credentialsFor(stack, `bench-${i}@journal.local`, 'Bench-Passw0rd!', true),
    ),
  );
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    await Promise.all(
      creds.map(async (c, i) => {
        for (let n = 0; n < perClient; n++)
          await signedGraphql(stack, c, CREATE, { content: `run ${run} client ${i} entry ${n}` });
      }),
    );
    rates.push((clients * perClient) / ((performance.now() - t0) / 1000));
  }
  const summary = summarize(rates);
  return {
    name: 'createThroughputPerS',
    unit: 'entries/s',
    value: summary.median,
    summary,
    note: `${clients} clients × ${perClient}`,
  };
}
