import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogField,
  AccessLogFormat,
  AuthorizationType,
  Cors,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import type { Method } from 'aws-cdk-lib/aws-apigateway';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  corsAllowHeaders,
  corsExposeHeaders,
  logRetention,
  stageName,
  throttling,
} from './settings';

/**
 * One JSON object per request. The error message goes in unquoted as `messageString`, which API
 * Gateway quotes and escapes itself, so a message with a quote cannot break the line's JSON.
 */
export function accessLogFormat(): AccessLogFormat {
  const quoted: Record<string, string> = {
    requestId: AccessLogField.contextRequestId(),
    requestTime: AccessLogField.contextRequestTime(),
    ip: AccessLogField.contextIdentitySourceIp(),
    cognitoIdentityId: AccessLogField.contextIdentityCognitoIdentityId(),
    userAgent: AccessLogField.contextIdentityUserAgent(),
    httpMethod: AccessLogField.contextHttpMethod(),
    resourcePath: AccessLogField.contextResourcePath(),
    protocol: AccessLogField.contextProtocol(),
    status: AccessLogField.contextStatus(),
    responseLength: AccessLogField.contextResponseLength(),
    integrationLatency: AccessLogField.contextIntegrationLatency(),
    errorType: AccessLogField.contextErrorResponseType(),
  };
  const fields = Object.entries(quoted).map(([name, value]) => `"${name}":"${value}"`);
  fields.push(`"errorMessage":${AccessLogField.contextErrorMessageString()}`);
  return AccessLogFormat.custom(`{${fields.join(',')}}`);
}

const quote = (values: readonly string[]): string => `'${values.join(',')}'`;

export interface JournalApiProps {
  handler: IFunction;
}

/** API Gateway in front of the journal API: `POST /prod/graphql`, SigV4 (AWS_IAM) only. */
export class JournalApi extends Construct {
  readonly api: RestApi;
  readonly graphqlMethod: Method;

  constructor(scope: Construct, id: string, props: JournalApiProps) {
    super(scope, id);

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.api = new RestApi(this, 'Api', {
      restApiName: 'journal-for-the-browser',
      description: 'Journal for the browser: GraphQL journal API',
      // Regional: no CloudFront in front, nothing extra to pay for or wait for.
      endpointConfiguration: { types: [EndpointType.REGIONAL] },
      // Access logs need the account-wide API Gateway logging role; a fresh account has none.
      cloudWatchRole: true,
      deployOptions: {
        stageName,
        throttlingRateLimit: throttling.rateLimit,
        throttlingBurstLimit: throttling.burstLimit,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: accessLogFormat(),
      },
    });

    // RestApi adds an `Endpoint` output of its own; the stack's outputs are the backend configuration's fields (docs/backend-config.md) only.
    this.api.node.tryRemoveChild('Endpoint');

    const graphql = this.api.root.addResource('graphql', {
      defaultCorsPreflightOptions: {
        allowOrigins: Cors.ALL_ORIGINS,
        allowMethods: ['POST', 'OPTIONS'],
        allowHeaders: [...corsAllowHeaders],
        exposeHeaders: [...corsExposeHeaders],
        maxAge: Duration.hours(1),
      },
    });

    this.graphqlMethod = graphql.addMethod('POST', new LambdaIntegration(props.handler), {
      authorizationType: AuthorizationType.IAM,
    });

    // API Gateway's own refusals (bad signature, expired token, throttled) carry no CORS headers by
    // default, so the extension would see an opaque network error instead of the reason.
    const errorHeaders = {
      'Access-Control-Allow-Origin': "'*'",
      'Access-Control-Allow-Headers': quote(corsAllowHeaders),
      'Access-Control-Allow-Methods': "'OPTIONS,POST'",
      'Access-Control-Expose-Headers': quote(corsExposeHeaders),
    };
    this.api.addGatewayResponse('Default4xx', {
      type: ResponseType.DEFAULT_4XX,
      responseHeaders: errorHeaders,
    });
    this.api.addGatewayResponse('Default5xx', {
      type: ResponseType.DEFAULT_5XX,
      responseHeaders: errorHeaders,
    });
  }

  /** `arn:aws:execute-api:<region>:<account>:<apiId>/prod/POST/graphql`: what signed-in users may call. */
  get graphqlInvokeArn(): string {
    return this.api.arnForExecuteApi('POST', '/graphql', stageName);
  }

  /** the backend configuration's `graphqlUrl` (docs/backend-config.md): the stage URL plus `graphql`. */
  get graphqlUrl(): string {
    return this.api.urlForPath('/graphql');
  }
}
