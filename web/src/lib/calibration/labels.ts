// The words the calibration pages show for the 9-box's levels, places and people's tenure.
import type { Level, Rated } from '@threadline/domain/calibration/model';
import type { ScalePoint } from '@threadline/domain/calibration/session-config';

export const LEVEL_LABELS: Record<Level, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/** "4 · Exceeds expectations, high potential". */
export function placeLabel(place: Rated, scale: readonly ScalePoint[]): string {
  const label = scale.find((point) => point.value === place.rating)?.label;
  return `${place.rating}${label ? ` · ${label}` : ''}, ${place.potential} potential`;
}

/** "3 years, 2 months" from a hire date (YYYY-MM-DD), as of `today`. */
export function tenureOf(hireDate: string | null, today = new Date()): string {
  if (!hireDate) return 'Hire date unknown';
  const [year, month] = hireDate.split('-').map(Number) as [number, number];
  const months = (today.getUTCFullYear() - year) * 12 + (today.getUTCMonth() + 1 - month);
  if (months < 1) return 'Less than a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const part = (count: number, unit: string) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (years === 0) return part(rest, 'month');
  return rest === 0 ? part(years, 'year') : `${part(years, 'year')}, ${part(rest, 'month')}`;
}
