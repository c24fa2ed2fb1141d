import { createServer, type IncomingMessage, type Server } from 'node:http';
import { operationNameOf } from '../api/handler';
import type { GatewayRequest, GatewayResponse } from './apiGateway';
import { callAwsJson, TARGET_PREFIXES, type JsonService } from './awsJson';
import { headerPairs, jsonResponse, readBody, send } from './http';

export interface StackRoutes {
  userPoolId: string;
  userPool: JsonService & { jwks(): { keys: object[] } };
  identityPool: JsonService;
  gateway: (req: GatewayRequest) => Promise<GatewayResponse>;
  log: (line: string) => void;
  now: () => number;
  /** Larger bodies get 413 (default 1 MB). */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY = 1024 * 1024;

const pathOf = (url: string): string => url.split('?')[0] ?? url;

// What a log line calls the request: the AWS operation or the GraphQL operation, never its content.
function authFlowOf(body: Buffer | undefined): string | undefined {
  try {
    const flow = (JSON.parse(body?.toString('utf8') ?? '') as { AuthFlow?: unknown }).AuthFlow;
    return typeof flow === 'string' && /^[A-Z_]{1,40}$/.test(flow) ? flow : undefined;
  } catch {
    return undefined;
  }
}

function labelOf(req: IncomingMessage, body: Buffer | undefined): string {
  const target = req.headers['x-amz-target'];
  if (req.method === 'POST' && pathOf(req.url ?? '/') === '/' && typeof target === 'string') {
    const label = target
      .replace(TARGET_PREFIXES.userPool, 'CognitoIdentityProvider.')
      .replace(TARGET_PREFIXES.identityPool, 'CognitoIdentity.');
    // A sign-in and a token refresh are both InitiateAuth: name the flow so the log tells them apart.
    return label.endsWith('.InitiateAuth') ? `${label} ${authFlowOf(body) ?? '?'}` : label;
  }
  const operation =
    body && pathOf(req.url ?? '').endsWith('/graphql')
      ? operationNameOf(body.toString('utf8'))
      : undefined;
  return `${req.method ?? '?'} ${pathOf(req.url ?? '')}${operation ? ` ${operation}` : ''}`;
}

/** The HTTP server, and a way to wait for requests still being answered (close() must not cut them). */
export type StackServer = Server & { idle(): Promise<void> };

/** The one-port local AWS: Cognito's JSON APIs on `POST /`, the JWKS, and API Gateway for the rest. */
export function createStackServer(routes: StackRoutes): StackServer {
  const inFlight = new Set<Promise<unknown>>();
  const jwksPath = `/${routes.userPoolId}/.well-known/jwks.json`;
  const limit = routes.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const onUnexpected = (where: string) => (error: unknown) =>
    routes.log(
      `error in ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );

  async function route(req: IncomingMessage, body: Buffer): Promise<GatewayResponse> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    if (method === 'OPTIONS') return { status: 204, headers: {}, body: '' };
    if (method === 'GET' && pathOf(url) === jwksPath) {
      return jsonResponse(200, routes.userPool.jwks(), { 'Cache-Control': 'max-age=300' });
    }
    const target = req.headers['x-amz-target'];
    if (method === 'POST' && pathOf(url) === '/') {
      return callAwsJson(
        routes,
        typeof target === 'string' ? target : '',
        body,
        onUnexpected('cognito'),
      );
    }
    return routes.gateway({
      method,
      target: url,
      headers: headerPairs(req),
      body,
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    });
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const finish = (response: GatewayResponse, body?: Buffer) => {
      send(res, response, new Date(routes.now()));
      routes.log(
        `${labelOf(req, body)} ${response.status} ${Math.round(performance.now() - started)}ms`,
      );
    };
    const handling = readBody(req, limit).then(
      async (read) => {
        if (!read.ok) {
          res.setHeader('Connection', 'close');
          return finish(jsonResponse(413, { message: 'Request Too Long' }));
        }
        try {
          finish(await route(req, read.body), read.body);
        } catch (error) {
          onUnexpected('server')(error);
          finish(jsonResponse(500, { message: 'Internal server error' }), read.body);
        }
      },
      () => res.destroy(),
    );
    inFlight.add(handling);
    void handling.finally(() => inFlight.delete(handling));
  });
  return Object.assign(server, {
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  });
}
