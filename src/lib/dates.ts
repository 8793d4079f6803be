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
});

const parseDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function formatDay(iso: string): string {
  return full.format(parseDay(iso));
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

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
