/**
 * The journal's DynamoDB store. Every key starts with the owner's identity (`pk`), so no call here
 * can read or change another identity's entries.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ENTRY_TOO_LARGE_MESSAGE } from '../../src/shared/entryLimits';
import type { EntryKey } from './cursor';
import { badUserInput } from './errors';
import { journalTableSchema } from './table';
import type { Attachment } from './validation';

export interface Entry {
  id: string;
  createDate: string;
  updateDate: string | null;
  content: string;
  attachments: Attachment[];
}

export interface NewEntry {
  id: string;
  /** Canonical ISO-8601 (toISOString), so that `createdSk` sorts in time order. */
  createDate: string;
  content: string;
  attachments: Attachment[];
}

export interface EntryChange {
  content: string;
  /** Replaces the attachments; undefined leaves them as they are. */
  attachments?: Attachment[];
  updateDate: string;
}

export interface EntryPageResult {
  entries: Entry[];
  /** Where the next page starts, absent on the last page. */
  next?: EntryKey;
}

interface Item extends EntryKey {
  createDate: string;
  updateDate?: string;
  content: string;
  attachments?: Attachment[];
}

const INDEX = journalTableSchema.localSecondaryIndexes[0].indexName;

export function createdSkOf(createDate: string, id: string): string {
  return `${createDate}#${id}`;
}

function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** DynamoDB's answer for an item over 400 KB (an update's new text with attachments kept). */
function isItemTooLarge(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationException' &&
    /item size|maximum allowed size/i.test(error.message)
  );
}

function toEntry(item: Record<string, unknown>): Entry {
  const { sk, createDate, updateDate, content, attachments } = item as unknown as Item;
  return {
    id: sk,
    createDate,
    updateDate: updateDate ?? null,
    content,
    attachments: attachments ?? [],
  };
}

function keyOf(item: Record<string, unknown>): EntryKey {
  const { pk, sk, createdSk } = item as unknown as Item;
  return { pk, sk, createdSk };
}

export class JournalStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  /**
   * Stores a new entry unless one with its id exists: then the stored one is returned unchanged
   * (a client's retry of the same create makes no second entry).
   */
  async create(owner: string, entry: NewEntry): Promise<Entry> {
    const item: Item = {
      pk: owner,
      sk: entry.id,
      createdSk: createdSkOf(entry.createDate, entry.id),
      createDate: entry.createDate,
      content: entry.content,
      attachments: entry.attachments,
    };
    // Two rounds: an entry deleted between our failed put and our get may be created afresh.
    for (let round = 0; round < 2; round++) {
      try {
        await this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: item,
            ConditionExpression: 'attribute_not_exists(sk)',
          }),
        );
        return toEntry(item as unknown as Record<string, unknown>);
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      const stored = await this.get(owner, entry.id);
      if (stored) return stored;
    }
    throw new Error(`createEntry: entry ${entry.id} kept appearing and disappearing`);
  }

  async get(owner: string, id: string): Promise<Entry | undefined> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: owner, sk: id },
        ConsistentRead: true,
      }),
    );
    return Item ? toEntry(Item) : undefined;
  }

  /** The updated entry, or undefined when the owner has no entry with this id. */
  async update(owner: string, id: string, change: EntryChange): Promise<Entry | undefined> {
    const names: Record<string, string> = { '#content': 'content', '#updateDate': 'updateDate' };
    const values: Record<string, unknown> = {
      ':content': change.content,
      ':updateDate': change.updateDate,
    };
    let set = '#content = :content, #updateDate = :updateDate';
    if (change.attachments !== undefined) {
      names['#attachments'] = 'attachments';
      values[':attachments'] = change.attachments;
      set += ', #attachments = :attachments';
    }
    try {
      const { Attributes } = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { pk: owner, sk: id },
          UpdateExpression: `SET ${set}`,
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return Attributes ? toEntry(Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      if (isItemTooLarge(error)) throw badUserInput(ENTRY_TOO_LARGE_MESSAGE);
      throw error;
    }
  }

  /** The deleted entry, or undefined when the owner had no entry with this id. */
  async delete(owner: string, id: string): Promise<Entry | undefined> {
    const { Attributes } = await this.doc.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: { pk: owner, sk: id },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return Attributes ? toEntry(Attributes) : undefined;
  }

  /**
   * One page of the owner's entries, newest first: a single Query on the `byCreateDate` index, so
   * its cost does not grow with the size of the journal. It reads one entry past `limit` to know
   * whether there is a next page, so the last page never comes with a nextToken.
   */
  async page(owner: string, limit: number, start?: EntryKey): Promise<EntryPageResult> {
    if (start && start.pk !== owner) throw new Error('page: start key of another identity');
    const { Items = [], LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        ...this.byCreateDateNewestFirst(owner),
        Limit: limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    if (Items.length > limit) {
      const entries = Items.slice(0, limit);
      return { entries: entries.map(toEntry), next: keyOf(entries[limit - 1]!) };
    }
    // Fewer items than asked can still mean more to come when DynamoDB stopped at 1 MB.
    return {
      entries: Items.map(toEntry),
      next: LastEvaluatedKey ? keyOf(LastEvaluatedKey) : undefined,
    };
  }

  /** All of the owner's entries, newest first, read page by page with Query (never Scan). */
  async all(owner: string): Promise<Entry[]> {
    const entries: Entry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const { Items = [], LastEvaluatedKey } = await this.doc.send(
        new QueryCommand({ ...this.byCreateDateNewestFirst(owner), ExclusiveStartKey: start }),
      );
      entries.push(...Items.map(toEntry));
      start = LastEvaluatedKey;
    } while (start);
    return entries;
  }

  private byCreateDateNewestFirst(owner: string): QueryCommandInput {
    return {
      TableName: this.tableName,
      IndexName: INDEX,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'pk' },
      ExpressionAttributeValues: { ':pk': owner },
      ScanIndexForward: false,
      // A local secondary index can be read consistently: an entry just saved is in the next list.
      ConsistentRead: true,
    };
  }
}
