import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDateTime, isoToLocalInput, localToIso, nextDay } from './dates.ts';

describe('admin dates', () => {
  const cases: [string, string, string, string | null][] = [
    ['a summer time in Paris', '2025-06-01T14:05', 'Europe/Paris', '2025-06-01T12:05:00.000Z'],
    ['a winter time in Paris', '2025-01-15T09:00', 'Europe/Paris', '2025-01-15T08:00:00.000Z'],
    ['a bare date as its midnight', '2025-06-01', 'Europe/Paris', '2025-05-31T22:00:00.000Z'],
    ['the hour before the spring change', '2025-03-30T01:30', 'Europe/Paris', '2025-03-30T00:30:00.000Z'],
    ['a time the spring change skips, at its later reading', '2025-03-30T02:30', 'Europe/Paris', '2025-03-30T01:30:00.000Z'],
    ['the hour after the spring change', '2025-03-30T03:30', 'Europe/Paris', '2025-03-30T01:30:00.000Z'],
    ['a time the autumn change repeats, at its later reading', '2025-10-26T02:30', 'Europe/Paris', '2025-10-26T01:30:00.000Z'],
    ['UTC unchanged', '2025-06-01T14:05', 'UTC', '2025-06-01T14:05:00.000Z'],
    ['New York, behind UTC', '2025-06-01T14:05', 'America/New_York', '2025-06-01T18:05:00.000Z'],
    ['a day that does not exist', '2025-02-30', 'UTC', null],
    ['an hour that does not exist', '2025-02-01T24:00', 'UTC', null],
    ['not a date', 'tomorrow', 'UTC', null],
    ['seconds are not taken', '2025-06-01T14:05:00', 'UTC', null],
  ];
  for (const [name, text, zone, want] of cases) it(`reads ${name}`, () => assert.equal(localToIso(text, zone), want));

  it('shows a stored instant back as the wall clock it was typed as', () => {
    for (const zone of ['Europe/Paris', 'UTC', 'America/New_York', 'Asia/Kolkata']) {
      for (const local of ['2025-06-01T14:05', '2025-01-15T00:00', '2024-02-29T23:59']) {
        assert.equal(isoToLocalInput(localToIso(local, zone)!, zone), local, `${zone} ${local}`);
      }
    }
  });

  it('finds the next day across month and year ends', () => {
    assert.equal(nextDay('2025-01-31'), '2025-02-01');
    assert.equal(nextDay('2024-02-28'), '2024-02-29');
    assert.equal(nextDay('2025-12-31'), '2026-01-01');
  });

  it('formats an instant in the zone', () => {
    assert.equal(formatDateTime('2025-06-01T12:05:00.000Z', 'en', 'Europe/Paris'), 'Jun 1, 2025, 2:05 PM');
  });
});
