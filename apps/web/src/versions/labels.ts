import type { MeetingRecord, VersionMeta } from '@kinmap/model';
import { t } from '../lib/messages';

/** Today's date where the facilitator is, as `YYYY-MM-DD` (a meeting's date, not an instant). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A meeting's `YYYY-MM-DD` in words ("12 March 2025"). Read as a calendar date in UTC, so it is
 * the same day in every time zone; anything else is shown as it is.
 */
export function formatMeetingDate(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** When a version was saved, to the minute, in the reader's time zone. */
export function formatSavedAt(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** What a version is: its meeting's type and date, or the label it was saved with. */
export function versionWhat(
  version: VersionMeta,
  meetings: ReadonlyMap<string, MeetingRecord>,
  locale: string,
): string {
  const meeting = version.meetingId ? meetings.get(version.meetingId) : undefined;
  if (meeting) {
    return t('versions.list.meeting', {
      type: t(`versions.meetingType.${meeting.type}`),
      date: formatMeetingDate(meeting.date, locale),
    });
  }
  return version.label || t('versions.list.manual');
}

/** The date a version stands for: its meeting's date, else the day it was saved. */
export function versionDate(
  version: VersionMeta,
  meetings: ReadonlyMap<string, MeetingRecord>,
  locale: string,
): string {
  const meeting = version.meetingId ? meetings.get(version.meetingId) : undefined;
  if (meeting) return formatMeetingDate(meeting.date, locale);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(version.createdAt);
}
