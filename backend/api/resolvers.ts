/** The root resolvers of the journal API (docs/journal-api.md). Each one validates its input, then asks the store. */
import { randomUUID } from 'node:crypto';
import { decodeNextToken, encodeNextToken } from './cursor';
import { notFound } from './errors';
import type { Entry, JournalStore } from './store';
import {
  parseCreateDate,
  validateAttachments,
  validateEntrySize,
  validateContent,
  validateId,
  validateLimit,
  type Attachment,
} from './validation';

/** What every resolver gets: who is calling, and where their entries live. */
export interface ApiContext {
  identityId: string;
  store: JournalStore;
  now: () => Date;
}

type AttachmentsArg = ReadonlyArray<Attachment | null> | null | undefined;

export interface EntryPage {
  items: Entry[];
  nextToken: string | null;
}

const noEntry = (id: string) =>
  notFound(`No entry with id "${id}" in your journal; it may have been deleted.`);

export const rootValue = {
  entries(_args: unknown, { store, identityId }: ApiContext): Promise<Entry[]> {
    return store.all(identityId);
  },

  async recentEntries(
    args: { limit?: number | null; nextToken?: string | null },
    { store, identityId }: ApiContext,
  ): Promise<EntryPage> {
    const limit = validateLimit(args.limit);
    const start = args.nextToken ? decodeNextToken(args.nextToken, identityId) : undefined;
    const { entries, next } = await store.page(identityId, limit, start);
    return { items: entries, nextToken: next ? encodeNextToken(next) : null };
  },

  async entry(args: { id: string }, { store, identityId }: ApiContext): Promise<Entry | null> {
    return (await store.get(identityId, validateId(args.id))) ?? null;
  },

  createEntry(
    args: {
      content: string;
      attachments?: AttachmentsArg;
      id?: string | null;
      createDate?: string | null;
    },
    { store, identityId, now }: ApiContext,
  ): Promise<Entry> {
    const content = validateContent(args.content);
    const attachments = validateAttachments(args.attachments);
    validateEntrySize(content, attachments);
    const id = args.id == null ? randomUUID() : validateId(args.id);
    const createDate =
      args.createDate == null ? now().toISOString() : parseCreateDate(args.createDate);
    return store.create(identityId, { id, createDate, content, attachments });
  },

  async updateEntry(
    args: { id: string; content: string; attachments?: AttachmentsArg },
    { store, identityId, now }: ApiContext,
  ): Promise<Entry> {
    const id = validateId(args.id);
    const content = validateContent(args.content);
    // Left out: attachments stay as they are; null or a list: they become that list.
    const attachments =
      args.attachments === undefined ? undefined : validateAttachments(args.attachments);
    validateEntrySize(content, attachments ?? []);
    const updated = await store.update(identityId, id, {
      content,
      attachments,
      updateDate: now().toISOString(),
    });
    if (!updated) throw noEntry(id);
    return updated;
  },

  async deleteEntry(args: { id: string }, { store, identityId }: ApiContext): Promise<Entry> {
    const id = validateId(args.id);
    const deleted = await store.delete(identityId, id);
    if (!deleted) throw noEntry(id);
    return deleted;
  },
};
