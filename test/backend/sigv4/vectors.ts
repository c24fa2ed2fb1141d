/** Reads AWS's SigV4 test suite (test/fixtures/aws-sigv4-test-suite) into WireRequests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WireRequest } from '../../../backend/local/sigv4';

export const SUITE = fileURLToPath(new URL('../../fixtures/aws-sigv4-test-suite', import.meta.url));

export interface VectorContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  normalize: boolean;
  region: string;
  service: string;
  timestamp: string;
}

export const caseNames = (): string[] =>
  readdirSync(SUITE)
    .filter((name) => statSync(join(SUITE, name)).isDirectory())
    .sort();

export const readCase = (name: string, file: string): string =>
  readFileSync(join(SUITE, name, file), 'utf8');

export const readContext = (name: string): VectorContext =>
  JSON.parse(readCase(name, 'context.json')) as VectorContext;

/** Parses a raw HTTP/1.1 request as the suite writes it (folded header lines included). */
export function parseRawRequest(raw: string): WireRequest {
  const split = raw.indexOf('\n\n');
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const headers: [string, string][] = [];
  for (const line of lines) {
    const last = headers.at(-1);
    if (/^\s/.test(line) && last) last[1] += ` ${line.trim()}`;
    else if (line.includes(':')) {
      const colon = line.indexOf(':');
      headers.push([line.slice(0, colon), line.slice(colon + 1)]);
    }
  }
  return { method, target, headers, body };
}
