// ONE1: who may start a 1:1 series for which pair, and its schedule. Pure: the db module reads
// the people and the running series, and asks.
import { isCalendarDate } from '../org/calendar-date.ts';
import { fieldError, type FieldErrors } from '../org/violation.ts';
import { nextWeekday } from './cadence.ts';
import { CADENCES, type Cadence, type Weekday } from './model.ts';

export interface SeriesSchedule {
  cadence: Cadence;
  weekday: Weekday;
  /** 'HH:MM', 24-hour. */
  time: string;
  /** The first meeting's day: the first `weekday` on or after this day. */
  from: string;
}

export interface StartRequest {
  starter: { id: string; isAdmin: boolean };
  employee: { id: string; managerId: string | null; active: boolean } | null;
  hasRunningSeries: boolean;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The schedule's problems by form field, or null when it is a schedule. */
export function checkSchedule(input: {
  cadence: string;
  weekday: number;
  time: string;
  from: string;
}): FieldErrors | null {
  if (!(CADENCES as readonly string[]).includes(input.cadence)) {
    return fieldError('cadence', 'Choose weekly, every two weeks or monthly.').errors;
  }
  if (!Number.isInteger(input.weekday) || input.weekday < 1 || input.weekday > 7) {
    return fieldError('weekday', 'Choose a day of the week.').errors;
  }
  if (!TIME.test(input.time)) return fieldError('time', 'Give a time as HH:MM.').errors;
  if (!isCalendarDate(input.from)) return fieldError('from', 'Give a first day.').errors;
  return null;
}

/** ONE1: the reason a series cannot be started, or null. The manager starts one with each direct
 *  report; an HR admin for any pair of a reporting line; one running series per pair. */
export function checkStart(request: StartRequest): FieldErrors | null {
  const { starter, employee } = request;
  if (!employee || !employee.active) {
    return fieldError('employeeId', 'Choose an active person of your organisation.').errors;
  }
  if (employee.managerId === null) {
    return fieldError('employeeId', 'This person has no manager to meet with.').errors;
  }
  if (employee.managerId !== starter.id && !starter.isAdmin) {
    return fieldError('employeeId', 'Only their manager or an HR admin starts their 1:1.').errors;
  }
  if (request.hasRunningSeries) {
    return fieldError('employeeId', 'They already have a 1:1 series with their manager.').errors;
  }
  return null;
}

/** The first meeting's day for a schedule. */
export const firstDay = (schedule: SeriesSchedule) => nextWeekday(schedule.from, schedule.weekday);
