/** Counts the stack's request log lines, to tell how many requests an action cost. */
export class RequestCounter {
  private lines: string[] = [];
  readonly log = (line: string) => {
    this.lines.push(line);
  };
  mark(): number {
    return this.lines.length;
  }
  since(mark: number): string[] {
    return this.lines.slice(mark);
  }
}
