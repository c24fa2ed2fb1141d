/** An error the local stack sends back the way AWS does: `x-amzn-ErrorType` plus `{"__type","message"}`. */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}
