/**
 * An AWS error's type and message, from the `x-amzn-ErrorType` header ("Type:uri") or, when CORS
 * hides the header, the JSON body's `__type` ("namespace#Type") and `message` (or `Message`).
 */
export function awsErrorOf(
  headers: Headers,
  body: unknown,
): { type: string | null; message: string } {
  const data = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const header = headers.get('x-amzn-errortype');
  const type =
    (header ? header.split(':')[0] : undefined) ||
    (typeof data.__type === 'string' ? data.__type.split('#').pop() : undefined) ||
    null;
  const message =
    typeof data.message === 'string'
      ? data.message
      : typeof data.Message === 'string'
        ? data.Message
        : '';
  return { type, message };
}
