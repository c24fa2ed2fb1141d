export { verifySigV4, type KnownKey, type VerifyOptions, type VerifyResult } from './verify';
export {
  canonicalRequest,
  parseAuthorization,
  signingKey,
  signature,
  stringToSign,
  type WireRequest,
} from './canonical';
export { canonicalPath, canonicalQuery, normalizePath, uriEncode } from './encode';
export { formatAmzDate, parseAmzDate } from './amzDate';
export type { GatewayError } from './errors';
