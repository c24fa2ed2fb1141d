import { describe, expect, it } from 'vitest';
import { relativeDate } from '../../../src/popup/relativeTime';

// Local noon, so "yesterday" and "today" do not depend on the machine's time zone.
const now = new Date(2025, 2, 12, 12, 0, 0).getTime();
const at = (...parts: [number, number, number, number, number?]) =>
  new Date(2025, ...parts).toISOString();

describe('relativeDate', () => {
  it.each([
    ['a few seconds ago', new Date(now - 20_000).toISOString(), 'now'],
    ['two minutes ago', new Date(now - 120_000).toISOString(), '2 minutes ago'],
    ['earlier today', at(2, 12, 9, 0), '3 hours ago'],
    ['yesterday evening', at(2, 11, 23, 0), 'yesterday'],
    ['three days ago', at(2, 9, 12, 0), '3 days ago'],
    ['over a week ago: a date', at(1, 20, 12, 0), 'Feb 20'],
    ['another year: with the year', new Date(2023, 6, 4, 12).toISOString(), 'Jul 4, 2023'],
    ['not a date', 'garbage', ''],
  ])('%s', (_, iso, expected) => {
    expect(relativeDate(iso, now, 'en-US')).toBe(expected);
  });

  it('speaks the person’s language', () => {
    expect(relativeDate(at(2, 11, 12, 0), now, 'fr')).toBe('hier');
  });
});
