// ORG19: the one locale every page writes dates in — the organisation's, or else the reader's
// browser language. The signed-in layout sets it (from its data: the organisation's setting, or
// the request's Accept-Language, so the server renders what the browser then hydrates) before
// any page under it renders, and re-renders its pages when it changes.
//
// A module variable is safe on the server because Svelte's server render is synchronous: the
// layout sets it and its pages read it within one render, and no other request's render can run
// in between on Node's one thread.
let current: string | undefined;

/** The locale the signed-in pages write dates in; undefined leaves it to the runtime. */
export function pageLocale(): string | undefined {
  return current;
}

export function usePageLocale(locale: string | null | undefined): void {
  current = locale ?? undefined;
}
