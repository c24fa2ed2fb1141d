/**
 * Child process of the kill test: the local DynamoDB on `argv[2]` and a burst of journal puts,
 * many in flight at once, until it is killed. Prints `ready`, then one line per acknowledged put.
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { ensureJournalTable, startDynamo } from '../../../backend/local/dynamo';

const path = process.argv[2] ?? '';
const prefix = process.argv[3] ?? 'x';
const dynamo = await startDynamo(path, 'us-east-1');
await ensureJournalTable(dynamo.client, 'journal');
dynamo.watch();
process.stdout.write('ready\n');
let n = 0;
async function writer(): Promise<never> {
  for (;;) {
    const id = `${prefix}-${n++}`;
    await dynamo.client.send(
      new PutItemCommand({
        TableName: 'journal',
        Item: {
          pk: { S: 'us-east-1:kill-test' },
          sk: { S: id },
          createdSk: { S: `2026-12-01T00:00:00.000Z#${id}` },
          content: { S: `entry ${id} ${'x'.repeat(500)}` },
        },
      }),
    );
    process.stdout.write(`${id}\n`);
  }
}
await Promise.all(Array.from({ length: 24 }, writer));
