/**
 * Stands in for the `graphql` package in the extension build only (an alias in vite.config.ts).
 * graphql-request imports the whole GraphQL parser (≈11 KB gzip of a 55 KB worker budget) just to
 * read the operation name out of a query string, and it already survives a failing parse (no
 * operation name is sent). The worker sends its queries as plain strings, so the parser is dead
 * weight here. Node code (the API, the tests) still gets the real package.
 */
const notBundled = (what: string) =>
  new Error(`graphql's ${what} is not bundled in the extension; send queries as strings.`);

export const Kind = { OPERATION_DEFINITION: 'OperationDefinition' } as const;

export function parse(): never {
  throw notBundled('parse');
}

export function print(): never {
  throw notBundled('print');
}

export class GraphQLError extends Error {}

// Schema classes graphql-request names for its typed-document features, which the worker never uses.
class Unused {
  constructor() {
    throw notBundled('schema types');
  }
}
export {
  Unused as GraphQLEnumType,
  Unused as GraphQLInputObjectType,
  Unused as GraphQLInterfaceType,
  Unused as GraphQLList,
  Unused as GraphQLNonNull,
  Unused as GraphQLObjectType,
  Unused as GraphQLScalarType,
  Unused as GraphQLUnionType,
};
export const isListType = (): boolean => false;
export const isNonNullType = (): boolean => false;
