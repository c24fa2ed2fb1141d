/** A refusal as API Gateway sends it: HTTP 403, `x-amzn-ErrorType`, `{"message": ...}`. */
export interface GatewayError {
  status: 403;
  type: string;
  message: string;
}

const refuse = (type: string, message: string): GatewayError => ({ status: 403, type, message });

export const missingToken = (): GatewayError =>
  refuse('MissingAuthenticationTokenException', 'Missing Authentication Token');

export const incomplete = (message: string): GatewayError =>
  refuse('IncompleteSignatureException', message);

export const invalidSignature = (message: string): GatewayError =>
  refuse('InvalidSignatureException', message);

export const unrecognizedClient = (): GatewayError =>
  refuse('UnrecognizedClientException', 'The security token included in the request is invalid.');

export const expiredToken = (): GatewayError =>
  refuse('ExpiredTokenException', 'The security token included in the request is expired');

export function signatureMismatch(canonical: string, toSign: string): GatewayError {
  // API Gateway shows both strings so a client author can see which part differs; neither holds a secret.
  return invalidSignature(
    'The request signature we calculated does not match the signature you provided. ' +
      'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.' +
      `\n\nThe Canonical String for this request should have been\n'${canonical}'\n\n` +
      `The String-to-Sign should have been\n'${toSign}'\n`,
  );
}
