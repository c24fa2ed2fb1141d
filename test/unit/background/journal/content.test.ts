import { describe, expect, it } from 'vitest';
import { contentProblem } from '../../../../src/background/journal/content';
import { MAX_ENTRY_CHARS } from '../../../../src/shared/entryLimits';
import { validateContent, validateEntrySize } from '../../../../backend/api/validation';

/** The extension refuses exactly what the API refuses: one rule (src/shared/entryLimits.ts). */
const apiRefuses = (content: string, urls: string[] = []) => {
  try {
    validateContent(content);
    validateEntrySize(
      content,
      urls.map((url, position) => ({ position, url })),
    );
    return false;
  } catch {
    return true;
  }
};

describe('the entry limits the extension checks before sending', () => {
  it('counts an emoji as one character, as the API does: 40,000 emoji are fine', () => {
    const content = '😀'.repeat(40_000);
    expect(contentProblem(content)).toBeNull();
    expect(apiRefuses(content)).toBe(false);
  });

  it('refuses 65,537 emoji, naming the count in characters', () => {
    const content = '😀'.repeat(MAX_ENTRY_CHARS + 1);
    expect(contentProblem(content)).toBe(
      'This entry is 65,537 characters; the limit is 65,536. Shorten it and save again.',
    );
    expect(apiRefuses(content)).toBe(true);
  });

  it('refuses text and attachments that would not fit DynamoDB’s 400 KB, saying what to do', () => {
    const content = '😀'.repeat(MAX_ENTRY_CHARS);
    const urls = Array.from(
      { length: 100 },
      (_, i) => `https://example.com/${i}/${'a'.repeat(2000)}`,
    );
    expect(contentProblem(content, urls)).toMatch(
      /^This entry is too large to store\. .*392 KB per entry\. Shorten the text or remove some attachments, then save again\.$/,
    );
    expect(apiRefuses(content, urls)).toBe(true);
    expect(contentProblem(content)).toBeNull();
    expect(apiRefuses(content)).toBe(false);
  });
});

describe('the fake journal API', () => {
  it('refuses what the real API refuses, with the API’s words', async () => {
    const { fakeJournalApi } = await import('./fakeJournalApi');
    const fake = fakeJournalApi();
    const at = '2025-01-01T00:00:00.000Z';
    await expect(fake.api.create({ id: 'a', content: '  ', createDate: at })).rejects.toMatchObject(
      {
        code: 'BAD_USER_INPUT',
        message: 'Entry is empty; write something before saving.',
      },
    );
    await expect(
      fake.api.create({ id: 'b', content: '😀'.repeat(MAX_ENTRY_CHARS + 1), createDate: at }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: /65,537 characters/ });
    expect(fake.entries).toEqual([]);
  });
});
