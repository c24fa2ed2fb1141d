/**
 * The bundle AWS runs enforces the cost limits: esbuild must resolve one copy of graphql for the
 * schema, GraphQL Armor and graphql-query-complexity (two copies would make every request a 500),
 * and introspection must be off without any environment variable. No AWS and no DynamoDB: each
 * request here is refused before the first table call.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { onlyResourceOfType, synthJournalStack } from './synthJournalStack';

const outdir = mkdtempSync(join(tmpdir(), 'journal-cdk-bundle-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

it('refuses aliases, introspection, subscriptions and cost in the bundled Lambda', async () => {
  const synth = synthJournalStack(outdir);
  const [, fn] = onlyResourceOfType(synth.resources, 'AWS::Lambda::Function');
  const code = fn.Properties?.['Code'] as { S3Key: string };
  const bundle = join(outdir, 'lambda-limits.cjs');
  copyFileSync(join(synth.assetDir(code.S3Key.replace(/\.zip$/, '')), 'index.js'), bundle);
  const queries = [
    '{ __typename }',
    `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: entry(id: "x") { id }`).join(' ')} }`,
    '{ __schema { queryType { name } } }',
    'subscription { entries { id } }',
    `{ ${['a', 'b', 'c'].map((a) => `${a}: recentEntries(limit: 100) { nextToken }`).join(' ')} }`,
  ];
  const probe = `
    const { handler } = require(${JSON.stringify(bundle)});
    const provider = 'cognito-idp.eu-central-1.amazonaws.com/eu-central-1_A,cognito-idp.eu-central-1.amazonaws.com/eu-central-1_A:CognitoSignIn:abc';
    (async () => {
      const out = [];
      for (const query of ${JSON.stringify(queries)}) {
        const r = await handler({ httpMethod: 'POST', body: JSON.stringify({ query }), isBase64Encoded: false,
          requestContext: { identity: { cognitoAuthenticationProvider: provider } } });
        const body = JSON.parse(r.body);
        out.push([r.statusCode, body.data ?? body.errors[0].extensions.code]);
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', probe], {
    env: {
      ...process.env,
      TABLE_NAME: 'journal',
      AWS_REGION: 'eu-central-1',
      NODE_PATH: fileURLToPath(new URL('../../../node_modules', import.meta.url)),
      NODE_NO_WARNINGS: '1',
    },
  });
  expect(JSON.parse(stdout)).toEqual([
    [200, { __typename: 'Query' }],
    [400, 'GRAPHQL_VALIDATION_FAILED'],
    [400, 'GRAPHQL_VALIDATION_FAILED'],
    [400, 'OPERATION_NOT_SUPPORTED'],
    [400, 'GRAPHQL_VALIDATION_FAILED'],
  ]);
}, 120_000);
