/**
 * Dates and sizes through Intl in the UI language. A publication time keeps the zone it was
 * published in (a Korean CMS stamp reads 15:33 KST wherever the reader is), so the reader sees the
 * time the source printed.
 */

/** Parses an HTML datetime value into an instant and, when present, its UTC offset in minutes. */
export function parseDatetime(
  value: string,
): { date: Date; offsetMinutes: number | null; hasTime: boolean } | null {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value.trim(),
    );
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const hasTime = h !== undefined;
  let offsetMinutes: number | null = null;
  if (zone === 'Z') offsetMinutes = 0;
  else if (zone) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  // Wall-clock fields as if UTC; the offset, when known, turns them into the real instant.
  const wall = Date.UTC(
    Number(y),
    Number(mo) - 1,
    Number(d),
    Number(h ?? 0),
    Number(mi ?? 0),
    Number(s ?? 0),
  );
  if (Number.isNaN(wall)) return null;
  return { date: new Date(wall - (offsetMinutes ?? 0) * 60_000), offsetMinutes, hasTime };
}

/** Formats a datetime as printed at its source: in its own offset, or as wall-clock time without one. */
export function formatSourceDatetime(value: string, locale: string): string {
  const parsed = parseDatetime(value);
  if (!parsed) return value;
  const wall = new Date(parsed.date.getTime() + (parsed.offsetMinutes ?? 0) * 60_000);
  const format = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    ...(parsed.hasTime ? { timeStyle: 'short' } : {}),
    timeZone: 'UTC',
  });
  return format.format(wall);
}

export function formatDate(timestamp: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    timestamp,
  );
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value);
}
