/**
 * Dates as Agora shows them. A discussion's days are UTC days: it opens at 00:00 UTC
 * on its first day and closes at 23:59:59 UTC on its last, and every time shown says
 * "UTC", so that readers in any zone read the same moment.
 */
const dayMonth = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const full = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const clock = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

const parseDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The moment a discussion starting on `startsOn` (YYYY-MM-DD) opens: 00:00 UTC that day. */
export function openingTime(startsOn: string): string {
  return `${startsOn}T00:00:00.000Z`;
}

/** The moment a discussion ending on `endsOn` closes by itself: 23:59:59 UTC that day. */
export function endOfDay(endsOn: string): string {
  return `${endsOn}T23:59:59.000Z`;
}

export function formatDay(iso: string): string {
  return full.format(parseDay(iso));
}

/** "10 March 2027 at 00:00 UTC". */
export function formatMoment(iso: string): string {
  const at = new Date(iso);
  return `${full.format(at)} at ${clock.format(at)} UTC`;
}

/** "11–20 February 2015", "28 February – 3 March 2015", or two full dates across years. */
export function formatPeriod(startsOn: string, endsOn: string): string {
  const start = parseDay(startsOn);
  const end = parseDay(endsOn);
  if (startsOn === endsOn) return full.format(start);
  if (start.getUTCFullYear() !== end.getUTCFullYear()) {
    return `${full.format(start)} – ${full.format(end)}`;
  }
  if (start.getUTCMonth() === end.getUTCMonth()) {
    return `${start.getUTCDate()}–${full.format(end)}`;
  }
  return `${dayMonth.format(start)} – ${full.format(end)}`;
}

/** "1 Feb 2015, 14:05 UTC". */
export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}
