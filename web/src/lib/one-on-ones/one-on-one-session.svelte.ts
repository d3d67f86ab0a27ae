// An open 1:1 series page: its documents — the shared agenda, and for the two members one's own
// private notes and the mood document (ONE2–ONE6) — each kept on this device and synced like the
// goal tree (SC1–SC5), one status badge over all of them, presence in the agenda, and which
// meeting is shown. Opened in the browser only.
import { toast } from 'svelte-sonner';
import { fromBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { formatDocumentName } from '@threadline/domain/documents/names';
import type { Skill } from '@threadline/domain/development/model';
import type { Cadence } from '@threadline/domain/one-on-ones/model';
import { openDocument, type SyncedDocument } from '$lib/sync/synced-document';
import type { ReplicaStore } from '$lib/sync/replica-store';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { Presence } from '$lib/sync/presence.svelte';
import { DevelopmentPlanSession } from '$lib/development/plan-session.svelte';
import type { TrackGoal } from '@threadline/db/one-on-one-track';
import {
  carriedPoints,
  goalsNeedingAttention,
  type SeedSource,
} from '@threadline/domain/one-on-ones/seeding';
import { meetingsOf } from '@threadline/domain/one-on-ones/shape';
import { cachedViewKey, rememberCachedView } from '$lib/sync/cached-views';
import { fetchSnapshot } from '$lib/sync/snapshot-fetch';
import { AgendaView } from './agenda-view.svelte.ts';
import { goalStatuses, trackRows } from './track.ts';
import { CombinedSyncStatus } from './combined-status.svelte.ts';

export interface SessionOptions {
  seriesId: string;
  syncUrl: string;
  me: { id: string; name: string };
  series: { startsOn: string; cadence: Cadence };
  /** The signed-in person is one of the two members (else an HR reader: the agenda only). */
  member: boolean;
  /** The page may write to the agenda (a member of a running series). */
  writable: boolean;
  today: string;
  /** The employee's development plan, when the reader may open it (ONE41): the employee and
   *  their current manager; the organisation's skills for flagging gaps (ONE40). */
  plan?: { personId: string; skills: readonly Skill[] } | null;
  /** The employee's goals from the projection (ONE21), for Track and the seeding (ONE23). */
  goals?: readonly TrackGoal[];
  /** More sources for the next meeting's seeding (development items, …): ONE23. */
  seedSources?: (view: AgendaView) => SeedSource[];
  /** Whether a device without the agenda draws it from the sync server's snapshot first
   *  (SYNC27, preloaded by the page); default: in a browser. */
  snapshot?: boolean;
  /** Defaults to IndexedDB in a browser; tests pass null. */
  persistence?: ReplicaStore | null;
  WebSocketPolyfill?: typeof WebSocket;
}

/** The origin of the snapshot's transaction: not an edit of this page's person. */
const SNAPSHOT_ORIGIN = { kind: 'one-on-one-snapshot' };

/** The agenda's snapshot (SYNC27): `{ update }`, the document's state as base64. */
function readAgendaSnapshot(text: string): Uint8Array | null {
  try {
    const parsed = JSON.parse(text) as { update?: unknown };
    return typeof parsed.update === 'string' ? fromBase64(parsed.update) : null;
  } catch {
    return null;
  }
}

export class OneOnOneSession {
  readonly agenda: SyncedDocument;
  readonly privateNotes: SyncedDocument | null;
  readonly mood: SyncedDocument | null;
  readonly plan: DevelopmentPlanSession | null;
  readonly status: CombinedSyncStatus;
  readonly agendaStatus: SyncStatus;
  readonly presence: Presence;
  /** Reads and edits of the current Y.Docs; replaced after a refusal reset (SC5). */
  view: AgendaView = $state()!;
  /** Bumped when a document was replaced: editors bound to its types bind again. */
  generation = $state(0);
  /** The stored replica is in (or there was none): the agenda can be shown. */
  loaded = $state(false);
  /** The server's state is in (or the device is offline): the next meeting may be seeded. */
  prepared = $state(false);
  /** The meeting shown; null: the next one. */
  selectedId: string | null = $state(null);
  /** The timeline's search text. */
  query = $state('');
  readonly #options: SessionOptions;
  readonly #stops: (() => void)[] = [];

  constructor(options: SessionOptions) {
    this.#options = options;
    const open = (name: string) =>
      openDocument({
        name,
        syncUrl: options.syncUrl,
        user: options.me,
        ...(options.persistence !== undefined ? { persistence: options.persistence } : {}),
        ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
      });
    const { seriesId } = options;
    this.agenda = open(formatDocumentName({ kind: 'one-on-one', seriesId }));
    this.privateNotes = options.member
      ? open(formatDocumentName({ kind: 'private-notes', seriesId, personId: options.me.id }))
      : null;
    this.mood = options.member
      ? open(formatDocumentName({ kind: 'one-on-one-mood', seriesId }))
      : null;
    this.plan = options.plan
      ? new DevelopmentPlanSession(
          open(formatDocumentName({ kind: 'development-plan', personId: options.plan.personId })),
          { me: options.me.id, today: options.today, skills: options.plan.skills },
        )
      : null;
    this.agendaStatus = new SyncStatus(this.agenda);
    this.status = new CombinedSyncStatus(this.agendaStatus, [
      ...[this.privateNotes, this.mood].filter((d) => d !== null).map((d) => new SyncStatus(d)),
      ...(this.plan ? [this.plan.status] : []),
    ]);
    this.presence = new Presence(this.agenda, options.me.id);
    this.view = this.#viewOf();
    for (const document of [this.agenda, this.privateNotes, this.mood]) {
      if (!document) continue;
      this.#stops.push(
        document.onReset(() => {
          this.view = this.#viewOf();
          this.generation++;
        }),
        document.onRefused((reason) => {
          toast.error('The server did not accept a change', {
            description: `${reason}. This device was brought back to the saved 1:1.`,
          });
        }),
      );
    }
    void this.#open();
  }

  /** Whether edit controls show: a writable page whose socket has not been made read-only. */
  get editable(): boolean {
    return this.#options.writable && !this.agendaStatus.readOnly && !this.agendaStatus.stopped;
  }

  /** The employee sets the mood (ONE6); the manager reads it. */
  moodEditable(isEmployee: boolean): boolean {
    return this.editable && isEmployee && this.mood !== null;
  }

  get selectedMeetingId(): string | null {
    const chosen = this.selectedId;
    if (chosen !== null && this.view.meeting(chosen)) return chosen;
    return this.view.nextMeetingId;
  }

  select(meetingId: string) {
    this.selectedId = meetingId;
  }

  /** The current private-notes Y.Doc (it changes after a reset). */
  get privateDoc(): Y.Doc | null {
    void this.generation;
    return this.privateNotes?.doc ?? null;
  }

  #viewOf(): AgendaView {
    return new AgendaView({
      doc: this.agenda.doc,
      moodDoc: this.mood?.doc ?? null,
      me: this.#options.me.id,
      today: this.#options.today,
    });
  }

  /**
   * Once the replica is in: shows the agenda, and (writable) makes sure the next meeting exists
   * (ONE8) — after the server's state is in, so a meeting someone moved is not scheduled twice;
   * offline, at once (its id is its day: the replicas merge into one meeting).
   */
  async #open() {
    // The agenda is drawn as soon as its own replica is in: private notes and the mood fill in
    // when theirs are (their editors bind to documents that exist from the start).
    await this.agenda.whenLoaded();
    await this.#drawFromSnapshot();
    this.loaded = true;
    if (!this.#options.writable) return;
    await new Promise<void>((resolve) => {
      if (this.agenda.status.kind === 'offline') return resolve();
      const stop = this.agenda.onStatus((status) => {
        if (status.kind !== 'offline') return;
        stop();
        resolve();
      });
      void this.agenda.whenSynced().then(() => {
        stop();
        resolve();
      });
    });
    if (this.editable) this.view.ensureNextMeeting(this.#options.series);
    // The workspace seeds the next meeting once it is shown (ONE23): only now, as a device that
    // seeded before the server's state was in could write a point again that someone dismissed.
    this.prepared = true;
  }

  /**
   * ONE23–ONE25: seeds the next meeting — points left undone in the meeting before, the
   * employee's goals needing attention (with this agenda's check-ins applied), and what other
   * sources add. Ids derive from the meeting and each source, so both members seeding at once,
   * or offline, write each point once, and a point dismissed stays dismissed.
   */
  seed(meetingId: string) {
    const { goals = [], seedSources } = this.#options;
    const rows = trackRows(goals, this.view.latestCheckIns(), Date.now());
    const sources: SeedSource[] = [
      ...carriedPoints(this.view.doc, meetingId),
      ...goalsNeedingAttention(goalStatuses(rows)),
      ...(seedSources?.(this.view) ?? []),
    ];
    if (sources.length > 0) this.view.seedMeeting(meetingId, sources);
  }

  /**
   * A device without the agenda (a first visit) applies the sync server's snapshot of it — the
   * document itself, asked for by the page head's preload while the script loaded — rather than
   * wait for its socket to connect and sync; the socket then brings what came after. The device
   * remembers (a cookie) that it keeps the agenda, so the page no longer preloads it.
   */
  async #drawFromSnapshot() {
    const { seriesId, syncUrl, me } = this.#options;
    const documentName = formatDocumentName({ kind: 'one-on-one', seriesId });
    const wanted = this.#options.snapshot ?? typeof window !== 'undefined';
    if (wanted && meetingsOf(this.agenda.doc).size === 0) {
      const text = await fetchSnapshot({
        syncUrl,
        documentName,
        part: 'whole',
        measureAs: 'one-on-one',
      });
      const update = text === null ? null : readAgendaSnapshot(text);
      if (update) Y.applyUpdate(this.agenda.doc, update, SNAPSHOT_ORIGIN);
    }
    if (wanted) rememberCachedView(cachedViewKey(me.id, documentName));
  }

  async destroy() {
    for (const stop of this.#stops) stop();
    await Promise.all([this.agenda, this.privateNotes, this.mood].map((d) => d?.destroy()));
    await this.plan?.destroy();
  }
}
