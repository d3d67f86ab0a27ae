// Checks a client's update before the live document accepts it (SYNC17). Yjs cannot take an
// applied update back out, so the update is applied first to a scratch replica kept equal to the
// live document; the kind's validator judges the scratch replica against the live one. Only an
// accepted update then reaches the live document. A refused (or failed) update leaves the
// scratch replica holding it, so the replica is dropped and rebuilt from the live document (the
// room asks for it in the background, `prepare`, or the next update builds it): refusals are rare
// (the sender is closed after one), edits are not.
import * as Y from 'yjs';
import { leftPending } from '@threadline/domain/ydoc/pending';
import { replicaOf } from '@threadline/domain/ydoc/replica';
import type { DocumentKind, Verdict } from './document-kind.ts';

/** What the checker needs of a kind: its validator. */
export type UpdateJudge = Pick<DocumentKind, 'validate'>;

export class UpdateChecker {
  readonly #live: Y.Doc;
  readonly #kind: UpdateJudge;
  #scratch: Y.Doc | undefined;

  constructor(live: Y.Doc, kind: UpdateJudge) {
    this.#live = live;
    this.#kind = kind;
  }

  /** Judges `update` from a person described by `actor`. Throws when Yjs cannot apply the update
   *  (the live document is untouched; the scratch replica is dropped). */
  judge(update: Uint8Array, actor: unknown): Verdict {
    const scratch = (this.#scratch ??= replicaOf(this.#live));
    let verdict: Verdict;
    try {
      verdict = this.#kind.validate(this.#live, scratch, update, actor);
      if (verdict.ok && leftPending(this.#live, scratch)) {
        verdict = { ok: false, reason: 'pending', detail: 'depends on changes the server lacks' };
      }
    } catch (error) {
      this.discard();
      throw error;
    }
    if (!verdict.ok) this.discard();
    return verdict;
  }

  /** True while a scratch replica is built (a check needs no rebuilding first). */
  get ready(): boolean {
    return this.#scratch !== undefined;
  }

  /** Builds the scratch replica now, if there is none, so the next check need not. */
  prepare() {
    this.#scratch ??= replicaOf(this.#live);
  }

  /** A change the live document took without a check (another node's, the log's, the server's
   *  own) goes to the scratch replica too, so the two stay equal. */
  mirror(update: Uint8Array) {
    if (!this.#scratch) return;
    try {
      Y.applyUpdate(this.#scratch, update);
    } catch {
      this.discard();
    }
  }

  /** Frees the scratch replica (rebuilt on the next check); for idle rooms and refusals. */
  discard() {
    this.#scratch?.destroy();
    this.#scratch = undefined;
  }
}
