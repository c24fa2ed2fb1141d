/**
 * The journal's DynamoDB store. Every key starts with the owner's identity (`pk`), so no call here
 * can read or change another identity's entries.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
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
import type { ChangeKey } from './changeCursor';
import { createdSkOf, updatedSkOf } from './sortKeys';
import { journalTableSchema } from './table';
import { isTombstone, tombstoneItem } from './tombstones';
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

/** One change for a device's replica: an entry as it is now, or the tombstone of a deleted one. */
export interface EntryChangeRecord {
  id: string;
  /** When it changed; a device keeps whichever version of an id has the latest. */
  updateDate: string;
  deleted: boolean;
  /** The entry as it is now; null for a deletion. */
  entry: Entry | null;
}

export interface ChangePageResult {
  changes: EntryChangeRecord[];
  next?: ChangeKey;
}

export interface EntryPageResult {
  entries: Entry[];
  /** Where the next page starts, absent on the last page. */
  next?: EntryKey;
}

interface Item extends EntryKey {
  createDate: string;
  /** Absent on items written before the changes feed existed (they are read by create date). */
  updateDate?: string;
  updatedSk?: string;
  content: string;
  attachments?: Attachment[];
}

const INDEX = journalTableSchema.localSecondaryIndexes[0].indexName;
const UPDATE_INDEX = journalTableSchema.globalSecondaryIndexes[0].indexName;

/** A live entry and not a tombstone: the only kind `entry`, `entries` and `recentEntries` return. */
const LIVE = 'attribute_exists(sk) AND attribute_not_exists(deleted)';

export { createdSkOf, updatedSkOf };

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

function changeKeyOf(item: Record<string, unknown>): ChangeKey {
  const { pk, sk, updatedSk } = item as { pk: string; sk: string; updatedSk: string };
  return { pk, sk, updatedSk };
}

/** An item of either kind as a change; items from before updateDate existed changed at creation. */
export function toChange(item: Record<string, unknown>): EntryChangeRecord {
  if (isTombstone(item)) {
    return { id: item.sk, updateDate: item.updateDate, deleted: true, entry: null };
  }
  const entry = toEntry(item);
  return { id: entry.id, updateDate: entry.updateDate ?? entry.createDate, deleted: false, entry };
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
  async create(owner: string, entry: NewEntry, updateDate: string): Promise<Entry> {
    // updateDate is the server's time of the write, even for an entry written offline days ago:
    // that is when other devices have yet to see it, so that is where the changes feed lists it.
    const item: Item = {
      pk: owner,
      sk: entry.id,
      createdSk: createdSkOf(entry.createDate, entry.id),
      createDate: entry.createDate,
      updateDate,
      updatedSk: updatedSkOf(updateDate, entry.id),
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
            // A tombstone's id may be used again: the entry comes back, newer than its deletion.
            ConditionExpression: 'attribute_not_exists(sk) OR attribute_exists(deleted)',
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
    return Item && !isTombstone(Item) ? toEntry(Item) : undefined;
  }

  /** The updated entry, or undefined when the owner has no entry with this id. */
  async update(owner: string, id: string, change: EntryChange): Promise<Entry | undefined> {
    const names: Record<string, string> = {
      '#content': 'content',
      '#updateDate': 'updateDate',
      '#updatedSk': 'updatedSk',
    };
    const values: Record<string, unknown> = {
      ':content': change.content,
      ':updateDate': change.updateDate,
      ':updatedSk': updatedSkOf(change.updateDate, id),
    };
    let set = '#content = :content, #updateDate = :updateDate, #updatedSk = :updatedSk';
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
          ConditionExpression: LIVE,
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

  /**
   * Replaces the entry with its tombstone (no content: the text is gone at once; the id and the
   * time stay so that other devices learn of the deletion). The deleted entry, or undefined when
   * the owner had no live entry with this id.
   */
  async delete(owner: string, id: string, now: Date): Promise<Entry | undefined> {
    try {
      const { Attributes } = await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: tombstoneItem(owner, id, now),
          ConditionExpression: LIVE,
          ReturnValues: 'ALL_OLD',
        }),
      );
      return Attributes ? toEntry(Attributes) : undefined;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }

  /**
   * One page of what changed at or after `since` (an ISO time), latest change first: a single
   * Query on the `byUpdateDate` index (edits, creations and tombstones alike), so its cost does not
   * grow with the size of the journal. Reads one past `limit`, like `page`.
   */
  async changedSince(
    owner: string,
    since: string,
    limit: number,
    start?: ChangeKey,
  ): Promise<ChangePageResult> {
    if (start && start.pk !== owner) throw new Error('changedSince: start key of another identity');
    const { Items = [], LastEvaluatedKey } = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: UPDATE_INDEX,
        // `${since}#…` sorts after `${since}`: an item changed exactly at `since` is included.
        KeyConditionExpression: '#pk = :pk AND #u > :since',
        ExpressionAttributeNames: { '#pk': 'pk', '#u': 'updatedSk' },
        ExpressionAttributeValues: { ':pk': owner, ':since': since },
        ScanIndexForward: false,
        Limit: limit + 1,
        ExclusiveStartKey: start,
      }),
    );
    if (Items.length > limit) {
      const changes = Items.slice(0, limit);
      return { changes: changes.map(toChange), next: changeKeyOf(changes[limit - 1]!) };
    }
    return {
      changes: Items.map(toChange),
      next: LastEvaluatedKey ? changeKeyOf(LastEvaluatedKey) : undefined,
    };
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
