import { describe, expect, it } from 'vitest';
import { errorCopy } from './error-copy.ts';

describe('errorCopy', () => {
  it('says a 403 is about access and who to ask', () => {
    expect(errorCopy(403)).toEqual({
      heading: 'You do not have access to this page',
      explanation: expect.stringContaining('ask an administrator'),
    });
  });

  it('says a 404 is a page not found', () => {
    expect(errorCopy(404).heading).toBe('Page not found');
  });

  it('treats every 5xx as something that went wrong on our side', () => {
    expect(errorCopy(500).heading).toBe('Something went wrong');
    expect(errorCopy(503).heading).toBe('Something went wrong');
  });

  it('has a generic heading for other client errors', () => {
    expect(errorCopy(400).heading).toBe('This request could not be completed');
  });
});
