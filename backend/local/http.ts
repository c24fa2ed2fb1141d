import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayResponse } from './apiGateway';

/** Every answer lets a browser extension read it, and errors and `Date` are visible to its fetch. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': [
    'accept',
    'authorization',
    'cache-control',
    'content-type',
    'x-amz-content-sha256',
    'x-amz-date',
    'x-amz-security-token',
    'x-amz-target',
    'x-amz-user-agent',
    'amz-sdk-invocation-id',
    'amz-sdk-request',
  ].join(', '),
  'Access-Control-Expose-Headers': 'x-amzn-ErrorType, x-amzn-RequestId, x-amzn-ErrorMessage, Date',
  'Access-Control-Max-Age': '86400',
};

export type ReadResult = { ok: true; body: Buffer } | { ok: false };

/** Reads the whole body, or stops keeping it once it passes `limit` bytes (the caller answers 413). */
export function readBody(req: IncomingMessage, limit: number): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(tooLarge ? { ok: false } : { ok: true, body: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
  });
}

/** Raw header pairs as sent, repeated names kept apart (the SigV4 check needs them so). */
export function headerPairs(req: IncomingMessage): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    pairs.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '']);
  }
  return pairs;
}

export function send(res: ServerResponse, response: GatewayResponse, date: Date): void {
  res.writeHead(response.status, {
    ...CORS_HEADERS,
    ...response.headers,
    Date: date.toUTCString(),
  });
  res.end(response.body);
}

export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): GatewayResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}
