import { JournalError } from '../../shared/errors';
import {
  MAX_ENTRY_CHARS,
  charactersOverLimit,
  entrySizeProblem,
  formatCount,
} from '../../shared/entryLimits';

/**
 * Why the API would refuse this text, in words a person can act on; null when it is fine. The
 * rules are the API's own (src/shared/entryLimits.ts): characters are code points, and the stored
 * item must fit DynamoDB's 400 KB.
 */
export function contentProblem(
  content: string,
  attachmentUrls: readonly string[] = [],
): string | null {
  if (content.trim() === '') return 'Write something first.';
  const chars = charactersOverLimit(content);
  if (chars !== null)
    return `This entry is ${formatCount(chars)} characters; the limit is ${formatCount(MAX_ENTRY_CHARS)}. Shorten it and save again.`;
  return entrySizeProblem(content, attachmentUrls);
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
