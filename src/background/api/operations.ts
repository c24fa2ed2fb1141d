/**
 * The journal API's operations (docs/journal-api.md) as plain strings, each named so the gateway's log says which one ran.
 * (graphql-request still bundles graphql's parser: its analyzeDocument imports parse/print.)
 */
const ENTRY = 'id createDate updateDate content';

export const RECENT = `query RecentEntries($limit: Int, $nextToken: String) {
  recentEntries(limit: $limit, nextToken: $nextToken) { items { ${ENTRY} } nextToken }
}`;

export const CREATE = `mutation CreateEntry($content: String!, $id: ID, $createDate: String) {
  createEntry(content: $content, id: $id, createDate: $createDate) { ${ENTRY} }
}`;

export const UPDATE = `mutation UpdateEntry($id: ID!, $content: String!) {
  updateEntry(id: $id, content: $content) { ${ENTRY} }
}`;

export const DELETE = `mutation DeleteEntry($id: ID!) { deleteEntry(id: $id) { ${ENTRY} } }`;
