/**
 * The most expensive requests the API's cost limits allow (backend/api/limits.ts), against a journal
 * of the largest entries: how long each takes, and how much it slows another user's small request
 * sent meanwhile (issue 11: ≤ 1 s, and at most 2× slower for the other user).
 */
import { performance } from 'node:perf_hooks';
import type { RunningStack } from '../../backend/local';
import { MAX_ATTACHMENTS } from '../../backend/api/validation';
import type { Figure } from '../report';
import { summarize } from '../stats';
import { credentialsFor, signedGraphql } from './signedClient';

/** 65,536 four-byte characters (256 KB of UTF-8) and 40 long URLs: under 400 KB stored. */
const BIG_CONTENT = '😀'.repeat(65_536);
const BIG_ATTACHMENTS = Array.from({ length: Math.min(40, MAX_ATTACHMENTS) }, (_, i) => ({
  position: i,
  url: `https://example.com/${String(i).padStart(4, '0')}/${'a'.repeat(2_000)}`,
}));
const FIELDS = 'id createDate content attachments { position url }';
const CREATE = `mutation Create($c: String!, $a: [AttachmentInput]) { createEntry(content: $c, attachments: $a) { ${FIELDS} } }`;

interface Candidate {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

function candidates(ids: string[]): Candidate[] {
  const page = `recentEntries(limit: 100) { items { ${FIELDS} } nextToken }`;
  return [
    { name: 'two 100-entry pages', query: `{ a: ${page} b: ${page} }` },
    { name: 'entries and a page', query: `{ entries { ${FIELDS} } ${page} }` },
    {
      name: '10 entries by id',
      query: `{ ${ids
        .slice(0, 10)
        .map((id, i) => `e${i}: entry(id: "${id}") { ${FIELDS} }`)
        .join(' ')} }`,
    },
    {
      name: 'one largest write',
      query: CREATE,
      variables: { c: BIG_CONTENT, a: BIG_ATTACHMENTS },
    },
  ];
}

const SMALL = '{ recentEntries(limit: 1) { items { id content } } }';

export async function measureWorstRequest(stack: RunningStack, runs: number): Promise<Figure[]> {
  const heavy = await credentialsFor(stack, 'bench-worst@journal.local', 'Bench-Passw0rd!', true);
  const other = await credentialsFor(stack, 'bench-other@journal.local', 'Bench-Passw0rd!', true);
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    // Throws on any GraphQL error: a refused largest entry would make these figures meaningless.
    const reply = await signedGraphql(stack, heavy, CREATE, { c: BIG_CONTENT, a: BIG_ATTACHMENTS });
    const id = (reply as { data?: { createEntry?: { id?: string } } }).data?.createEntry?.id;
    if (!id) throw new Error('bench: a largest entry came back without an id');
    ids.push(id);
  }
  await signedGraphql(stack, other, 'mutation { createEntry(content: "small") { id } }');

  // signedGraphql throws on anything but an answer without errors.
  const timed = async (call: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await call();
    return performance.now() - t0;
  };

  // Each candidate alone, several times: the worst of their medians is the figure.
  let worst = { name: '', ms: 0, summary: summarize([0]) };
  const each: string[] = [];
  for (const c of candidates(ids)) {
    const samples: number[] = [];
    for (let run = 0; run < runs; run++) {
      samples.push(await timed(() => signedGraphql(stack, heavy, c.query, c.variables)));
    }
    const summary = summarize(samples);
    each.push(`${c.name} ${Math.round(summary.median)} ms`);
    if (summary.median > worst.ms) worst = { name: c.name, ms: summary.median, summary };
  }
  const worstCandidate = candidates(ids).find((c) => c.name === worst.name);
  if (!worstCandidate) throw new Error('bench: no worst request');

  // The other user's small request: alone, then while the worst request runs back to back.
  const alone: number[] = [];
  for (let run = 0; run < runs * 3; run++)
    alone.push(await timed(() => signedGraphql(stack, other, SMALL)));
  let busy = true;
  const load = (async () => {
    while (busy) await signedGraphql(stack, heavy, worstCandidate.query, worstCandidate.variables);
  })();
  const during: number[] = [];
  try {
    for (let run = 0; run < runs * 3; run++) {
      during.push(await timed(() => signedGraphql(stack, other, SMALL)));
    }
  } finally {
    busy = false;
    await load;
  }
  const aloneSummary = summarize(alone);
  const duringSummary = summarize(during);
  return [
    {
      name: 'worstAllowedRequestMs',
      unit: 'ms',
      value: worst.ms,
      summary: worst.summary,
      note: `entries of 256 KB + 80 KB of URLs: ${each.join(', ')}`,
    },
    {
      name: 'otherUserMs.alone',
      unit: 'ms',
      value: aloneSummary.median,
      summary: aloneSummary,
    },
    {
      name: 'otherUserMs.duringWorst',
      unit: 'ms',
      value: duringSummary.median,
      summary: duringSummary,
    },
    {
      name: 'otherUserSlowdownRatio',
      unit: '×',
      value: duringSummary.median / aloneSummary.median,
      note: 'during the worst request ÷ alone (medians)',
    },
  ];
}
