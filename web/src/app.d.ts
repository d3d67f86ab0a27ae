import type { Session, SessionPerson } from '@threadline/db';

declare global {
  namespace App {
    interface Locals {
      person: SessionPerson | null;
      session: Session | null;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
