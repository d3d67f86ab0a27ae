import type { Session, SessionPerson } from '@threadline/db';
import type { Logger } from 'pino';

declare global {
  namespace App {
    interface Locals {
      person: SessionPerson | null;
      session: Session | null;
      /** This request's id (hooks.server.ts), in its log lines, response header and error page. */
      requestId: string;
      /** The server log with this request's id on every line. */
      log: Logger;
    }
    interface Error {
      message: string;
      /** Set on unexpected errors: the id a person can quote to find the log line. */
      requestId?: string;
    }
  }
}

export {};
