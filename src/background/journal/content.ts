import { JournalError } from '../../shared/errors';
import { MAX_ENTRY_CHARS } from '../../shared/entryLimits';

const count = (n: number) => n.toLocaleString('en-US');

/** Why the API would refuse this text, in words a person can act on; null when it is fine. */
export function contentProblem(content: string): string | null {
  if (content.trim() === '') return 'Write something first.';
  if (content.length > MAX_ENTRY_CHARS)
    return `This entry is ${count(content.length)} characters; the limit is ${count(MAX_ENTRY_CHARS)}. Shorten it and save again.`;
  return null;
}

/** Refuses before the outbox: a refusal we can predict should not cost a round trip or a queue slot. */
export function checkContent(content: string): void {
  const problem = contentProblem(content);
  if (problem) throw new JournalError({ code: 'BAD_USER_INPUT', message: problem });
}

/** What "Add selection to journal" writes: the words, then where they came from. */
export function quoteSelection(selection: string, title?: string, url?: string): string {
  const source = [title?.trim(), url].filter((part): part is string => !!part).join(' ');
  const quote = `"${selection.trim()}"`;
  return source ? `${quote}\n\n— ${source}` : quote;
}
