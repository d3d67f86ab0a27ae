// What an error page says, by status: a plain heading and what the person can do about it. The
// error's own message (e.g. "Only administrators can manage people.") is shown beneath.

export interface ErrorCopy {
  heading: string;
  explanation: string;
}

export function errorCopy(status: number): ErrorCopy {
  if (status === 401) {
    return { heading: 'Please sign in', explanation: 'This page needs you to be signed in.' };
  }
  if (status === 403) {
    return {
      heading: 'You do not have access to this page',
      explanation: 'Your role does not allow this. If you think it should, ask an administrator.',
    };
  }
  if (status === 404) {
    return {
      heading: 'Page not found',
      explanation: 'The link may be mistyped, or what it pointed to was removed or moved.',
    };
  }
  if (status >= 500) {
    return {
      heading: 'Something went wrong',
      explanation: 'The page could not be shown. Try again in a moment.',
    };
  }
  return { heading: 'This request could not be completed', explanation: 'Check it and try again.' };
}
