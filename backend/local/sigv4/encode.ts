/** The URI encoding SigV4 uses: RFC 3986, every byte but the unreserved set as upper-case %XX. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

// A malformed escape is signed as the client sent it: decode what decodes, keep the rest.
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Removes `.` and `..` segments and empty segments (`//`), keeping a trailing slash, as AWS does for
 * every service but S3.
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  const trailing = path.length > 1 && path.endsWith('/') && out.length > 0 ? '/' : '';
  return `/${out.join('/')}${trailing}`;
}

/**
 * The canonical URI: the path as it was sent on the wire, (normalized and) URI-encoded once more.
 * That second encoding of an already encoded path is the "double encoding" of every service but S3.
 */
export function canonicalPath(wirePath: string, normalize = true): string {
  const path = wirePath === '' ? '/' : wirePath;
  return (normalize ? normalizePath(path) : path).split('/').map(uriEncode).join('/');
}

/** The canonical query string: decoded, re-encoded strictly, sorted by name and then by value. */
export function canonicalQuery(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [uriEncode(safeDecode(name)), uriEncode(safeDecode(value))] as const;
    });
  pairs.sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

// Code-unit order: the encoded strings are ASCII, so this is byte order as AWS sorts.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
