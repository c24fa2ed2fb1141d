const DAY_MS = 86_400_000;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

// Intl formatters are slow to build (a list of 20 would build 40): one per locale and kind.
const formatters = new Map<string, Intl.RelativeTimeFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.RelativeTimeFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f as T;
}

/** The full date and time, for the tooltip. */
export function fullDate(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const fmt = cached(
    `full:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return fmt.format(then);
}

/**
 * "now", "2 minutes ago", "3 hours ago", "yesterday", "4 days ago", then a date: how people say
 * when they wrote something. Built on the browser's own Intl, so it speaks the person's language.
 */
export function relativeDate(iso: string, now: number, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const rtf = cached(
    `rel:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  const seconds = Math.round((then - now) / 1000);
  if (Math.abs(seconds) < 60) return rtf.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return rtf.format(minutes, 'minute');
  const days = Math.round((startOfDay(then) - startOfDay(now)) / DAY_MS);
  if (days === 0) return rtf.format(Math.round(minutes / 60), 'hour');
  if (Math.abs(days) < 7) return rtf.format(days, 'day');
  const sameYear = new Date(then).getFullYear() === new Date(now).getFullYear();
  const key = `date:${locale}:${sameYear}`;
  const fmt = cached(
    key,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        ...(sameYear ? {} : { year: 'numeric' }),
      }),
  );
  return fmt.format(then);
}
