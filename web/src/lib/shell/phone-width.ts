// Phone width: where the app bar gives way to a Menu button, the goal tree's rows take two lines
// and its filters and details open as sheets. Kept in step with `@media (max-width: 48rem)` in the
// stylesheets (CSS cannot import it).
import { MediaQuery } from 'svelte/reactivity';

export const PHONE_WIDTH_QUERY = 'max-width: 48rem';

/** Whether the window is phone-wide now; `fallback` is the answer while rendering on the server. */
export function phoneWidth(fallback = false): MediaQuery {
  return new MediaQuery(PHONE_WIDTH_QUERY, fallback);
}
