/**
 * Chrome's extension id from the manifest `key` (the DER public key, base64): the first 128 bits of
 * its SHA-256, each hex digit 0–f written as a letter a–p. Chrome assigns exactly this id to an
 * unpacked build that carries the key, whatever folder it is loaded from.
 */
import { createHash } from 'node:crypto';

export function chromeExtensionId(base64Key: string): string {
  const digest = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex');
  return [...digest.slice(0, 32)]
    .map((hex) => String.fromCharCode('a'.charCodeAt(0) + parseInt(hex, 16)))
    .join('');
}
