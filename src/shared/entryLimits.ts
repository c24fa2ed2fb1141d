/**
 * The one definition of what an entry may hold, used by the extension (before it sends, so the
 * person hears it without a round trip) and by the API (backend/api/validation.ts), so the two
 * cannot disagree.
 *
 * Characters are counted as Unicode code points: an emoji or a CJK character is one, as a person
 * counts it, and every JavaScript engine counts code points the same way. UTF-16 units (what
 * `.length` gives) would call one emoji two characters; grapheme clusters (`Intl.Segmenter`) depend
 * on the engine's Unicode tables, so a browser and a Lambda could count the same text differently.
 */
export const MAX_ENTRY_CHARS = 65_536;
export const MAX_ATTACHMENTS = 100;
export const MAX_URL_CHARS = 2_048;

/** DynamoDB refuses an item over 400 KB (names and values, UTF-8). */
export const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;
/**
 * Room kept for what the entry's text and addresses are not: the keys (identity, id, sort key),
 * the dates, the attribute names and the list's own bytes (under 1 KB in practice).
 */
export const ITEM_MARGIN_BYTES = 8 * 1024;
/** Per attachment: its `position` number, the two attribute names and the map's overhead. */
export const ATTACHMENT_OVERHEAD_BYTES = 64;
/** What the entry's text and attachment addresses together may take, UTF-8 encoded. */
export const MAX_ENTRY_BYTES = DYNAMODB_ITEM_LIMIT_BYTES - ITEM_MARGIN_BYTES;

/** Characters as a person counts them: code points, so an emoji is one, not two UTF-16 units. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** The text's size in UTF-8, as DynamoDB measures it (a lone surrogate is written as U+FFFD: 3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The part of a stored entry that grows with what the person wrote and attached. */
export function entryBytes(content: string, attachmentUrls: readonly string[] = []): number {
  return attachmentUrls.reduce(
    (sum, url) => sum + utf8Bytes(url) + ATTACHMENT_OVERHEAD_BYTES,
    utf8Bytes(content),
  );
}

/** 70001 -> "70,001" (no locale data needed, the same in a browser and in Node). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text's length in characters when it is over the limit; null when it is within. */
export function charactersOverLimit(content: string): number | null {
  if (content.length <= MAX_ENTRY_CHARS) return null;
  const chars = countCharacters(content);
  return chars > MAX_ENTRY_CHARS ? chars : null;
}

const kb = (bytes: number) => `${formatCount(Math.ceil(bytes / 1024))} KB`;

/** Why the stored entry would be too large, in words a person can act on; null when it fits. */
export function entrySizeProblem(
  content: string,
  attachmentUrls: readonly string[] = [],
): string | null {
  const bytes = entryBytes(content, attachmentUrls);
  if (bytes <= MAX_ENTRY_BYTES) return null;
  const what =
    attachmentUrls.length > 0 ? 'Its text and attachment addresses take' : 'Its text takes';
  const fix =
    attachmentUrls.length > 0
      ? 'Shorten the text or remove some attachments, then save again.'
      : 'Shorten it, then save again.';
  return `This entry is too large to store. ${what} ${kb(bytes)}; the journal keeps at most ${kb(MAX_ENTRY_BYTES)} per entry. ${fix}`;
}

/** What DynamoDB answers for an item that the estimate let through (a last line of defence). */
export const ENTRY_TOO_LARGE_MESSAGE = `This entry is too large to store with its attachments: the journal keeps at most ${kb(MAX_ENTRY_BYTES)} per entry. Shorten the text or remove some attachments, then save again.`;
