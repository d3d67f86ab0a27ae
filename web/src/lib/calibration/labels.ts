// The words the calibration pages show for the 9-box's levels and boxes.
import type { Level } from '@threadline/domain/calibration/model';

export const LEVEL_LABELS: Record<Level, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};
