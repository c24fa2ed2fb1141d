import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsError } from '../../../backend/local/awsError';
import type { IdentityPool, UserPool } from '../../../backend/local/cognito';

/** A minimal stand-in for the stack's HTTP layer: X-Amz-Target routing, AWS-shaped errors, the JWKS. */
export async function serve(
  userPool: UserPool,
  identityPool: IdentityPool | null,
  userPoolId: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const send = (status: number, body: unknown, type?: string): void => {
        res.writeHead(status, {
          'content-type': 'application/x-amz-json-1.1',
          ...(type ? { 'x-amzn-ErrorType': type } : {}),
        });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && req.url === `/${userPoolId}/.well-known/jwks.json`)
        return send(200, userPool.jwks());
      const target = String(req.headers['x-amz-target'] ?? '');
      const [service = '', operation = ''] = target.split('.');
      const pool =
        service === 'AWSCognitoIdentityProviderService'
          ? userPool
          : service === 'AWSCognitoIdentityService'
            ? identityPool
            : null;
      if (!pool)
        return send(400, { __type: 'UnknownOperationException' }, 'UnknownOperationException');
      const body: unknown = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      pool.handle(operation, body).then(
        (out) => send(200, out),
        (err: unknown) => {
          if (err instanceof AwsError)
            send(err.status, { __type: err.type, message: err.message }, err.type);
          else
            send(
              500,
              { __type: 'InternalErrorException', message: String(err) },
              'InternalErrorException',
            );
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
