import { buildSchema } from 'graphql';

/** The journal API (docs/journal-api.md): a superset of the original journal schema, so older clients keep working. */
export const typeDefs = /* GraphQL */ `
  type Entry {
    id: ID!
    createDate: String!
    updateDate: String
    content: String!
    attachments: [Attachment]
  }

  type Attachment {
    position: Int!
    url: String!
  }

  input AttachmentInput {
    position: Int!
    url: String!
  }

  type EntryPage {
    items: [Entry!]!
    nextToken: String
  }

  "One change for a device's replica: the entry as it is now, or a deletion (entry null)."
  type EntryChange {
    id: ID!
    updateDate: String!
    deleted: Boolean!
    entry: Entry
  }

  type ChangePage {
    items: [EntryChange!]!
    "More of this pass: ask again with the same since and this nextToken."
    nextToken: String
    "Where the replica stands once the pass is complete: the since of the next sync."
    cursor: String!
  }

  type Query {
    "All of the caller's entries, newest first."
    entries: [Entry]
    "One page of the caller's entries, newest first."
    recentEntries(limit: Int = 20, nextToken: String): EntryPage!
    entry(id: ID!): Entry
    "What changed since a cursor (no since: every entry), latest first, one page per request."
    changes(since: String, limit: Int = 100, nextToken: String): ChangePage!
  }

  type Mutation {
    createEntry(content: String!, attachments: [AttachmentInput], id: ID, createDate: String): Entry
    updateEntry(id: ID!, content: String!, attachments: [AttachmentInput]): Entry
    deleteEntry(id: ID!): Entry
  }
`;

export const schema = buildSchema(typeDefs);
