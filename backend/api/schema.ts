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

  type Query {
    "All of the caller's entries, newest first."
    entries: [Entry]
    "One page of the caller's entries, newest first."
    recentEntries(limit: Int = 20, nextToken: String): EntryPage!
    entry(id: ID!): Entry
  }

  type Mutation {
    createEntry(content: String!, attachments: [AttachmentInput], id: ID, createDate: String): Entry
    updateEntry(id: ID!, content: String!, attachments: [AttachmentInput]): Entry
    deleteEntry(id: ID!): Entry
  }
`;

export const schema = buildSchema(typeDefs);
