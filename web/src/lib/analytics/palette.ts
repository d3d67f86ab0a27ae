// The dashboards' colours: health as the goal tree shows it, and a categorical palette readable
// on the app's white cards (distinct in hue and lightness, for colour-blind readers too).
import type { HealthBucket } from '@threadline/domain/analytics/goals';

export const HEALTH_COLOURS: Record<HealthBucket, string> = {
  green: '#2da44e',
  yellow: '#d4a72c',
  red: '#cf222e',
  stale: '#6e7781',
  unmeasured: '#d0d7de',
};

export const SERIES_COLOURS = [
  '#3b2f8f',
  '#e16f24',
  '#1f8a70',
  '#c23b80',
  '#5a8dee',
  '#8a6d00',
  '#6e7781',
  '#00838f',
  '#9c4dcc',
];

export const seriesColour = (index: number) => SERIES_COLOURS[index % SERIES_COLOURS.length]!;
