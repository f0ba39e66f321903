/** Deadlines and "today" are Vietnamese calendar days (UTC+7), whatever the server's zone. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
