// A person's development plan (ONE40–ONE48) as reactive state: reading its gaps or items inside a
// template or a $derived subscribes to the document, so both people follow each other's edits
// live. A plan is small (a few dozen entries), so every read walks it again; edits are the
// domain's (development/edits.ts), one Yjs transaction each. Built over one Y.Doc: after a
// refusal reset the session builds a new view.
import { createSubscriber } from 'svelte/reactivity';
import type * as Y from 'yjs';
import {
  addDevelopmentItem,
  flagSkillGap,
  setItemStatus,
  updateDevelopmentItem,
  type NewItem,
} from '@threadline/domain/development/edits';
import {
  findSkill,
  normaliseSkillName,
  type DevelopmentStatus,
  type Skill,
} from '@threadline/domain/development/model';
import {
  developmentItems,
  isItemOverdue,
  itemsShownOn,
  skillGaps,
  type DevelopmentItem,
  type SkillGap,
} from '@threadline/domain/development/plan';
import type { DevelopmentProposal } from '@threadline/domain/development/proposals';
import { GAPS_ROOT, ITEMS_ROOT } from '@threadline/domain/development/shape';
import { observeY } from '$lib/sync/reactive-y.svelte';

/** An item as the page shows it: its skill's current name, overdue or not. */
export interface ShownItem extends DevelopmentItem {
  skill: string | null;
  overdue: boolean;
}

export interface PlanViewOptions {
  doc: Y.Doc;
  /** Who edits: the person or their manager. */
  me: string;
  today: string;
  /** The organisation's skills when the page loaded (a renamed skill shows its new name). */
  skills: readonly Skill[];
  newId?: () => string;
}

export interface PickedProposal extends DevelopmentProposal {
  ownerId: string;
}

export class PlanView {
  readonly doc: Y.Doc;
  readonly today: string;
  readonly #me: string;
  readonly #skills: readonly Skill[];
  readonly #newId: () => string;
  readonly #subscribe: () => void;

  constructor(options: PlanViewOptions) {
    this.doc = options.doc;
    this.today = options.today;
    this.#me = options.me;
    this.#skills = options.skills;
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    const roots = [GAPS_ROOT, ITEMS_ROOT].map((name) =>
      observeY(this.doc.getMap(name) as Y.AbstractType<unknown>, { deep: true }),
    );
    this.#subscribe = createSubscriber((update) => {
      const stops = roots.map((start) => start(update));
      return () => stops.forEach((stop) => stop());
    });
  }

  /** A skill's name as the list has it now, else as it was when the gap was flagged. */
  skillName(skillId: string | null, fallback: string | null): string | null {
    return this.#skills.find((skill) => skill.id === skillId)?.name ?? fallback;
  }

  #shown(item: DevelopmentItem): ShownItem {
    return {
      ...item,
      skill: this.skillName(item.skillId, item.skillName),
      overdue: isItemOverdue(item, this.today),
    };
  }

  get gaps(): SkillGap[] {
    this.#subscribe();
    return skillGaps(this.doc).map((gap) => ({
      ...gap,
      skillName: this.skillName(gap.skillId, gap.skillName) ?? gap.skillName,
    }));
  }

  /** ONE47: every item, open ones first (each group in the order raised). */
  get items(): ShownItem[] {
    this.#subscribe();
    const all = developmentItems(this.doc).map((item) => this.#shown(item));
    return [...all.filter((i) => i.status !== 'done'), ...all.filter((i) => i.status === 'done')];
  }

  /** ONE45: the items a meeting held on `day` shows. */
  itemsShownOn(day: string): ShownItem[] {
    this.#subscribe();
    return itemsShownOn(this.doc, day).map((item) => this.#shown(item));
  }

  // ---- Edits (ONE44: each carries the signed-in person's id) ----

  /**
   * ONE40, ONE42: flags a gap in `skillName` — the list's skill of that name (ignoring case), or
   * a new one with a new id — and returns it.
   */
  flagGap(input: { skillName: string; note: string; raisedOn: string }): SkillGap {
    const name = normaliseSkillName(input.skillName);
    const skill = findSkill(this.#skills, name) ?? this.#sameNameInPlan(name);
    const id = this.#newId();
    const gap = {
      skillId: skill?.id ?? this.#newId(),
      skillName: skill?.name ?? name,
      note: input.note.trim(),
      raisedOn: input.raisedOn,
    };
    flagSkillGap(this.doc, id, gap, { by: this.#me });
    return { ...gap, id, flaggedBy: this.#me, flaggedAt: '', deleted: false };
  }

  /** A skill that this plan already named but the list does not have yet (added offline). */
  #sameNameInPlan(name: string): Skill | undefined {
    const gap = findSkill(
      skillGaps(this.doc).map((g) => ({ id: g.skillId, name: g.skillName })),
      name,
    );
    return gap;
  }

  /** ONE43: the proposals the pair picked, as items closing `gap`; returns their ids. */
  addItems(gap: SkillGap, picked: readonly PickedProposal[], raisedOn: string): string[] {
    const ids: string[] = [];
    this.doc.transact(() => {
      for (const proposal of picked) {
        const id = this.#newId();
        const input: NewItem = {
          gapId: gap.id,
          skillId: gap.skillId,
          skillName: gap.skillName,
          type: proposal.type,
          title: proposal.title.trim(),
          ownerId: proposal.ownerId,
          dueDate: proposal.dueDate || null,
          raisedOn,
        };
        addDevelopmentItem(this.doc, id, input, { by: this.#me });
        ids.push(id);
      }
    });
    return ids;
  }

  setStatus(id: string, status: DevelopmentStatus): boolean {
    return setItemStatus(this.doc, id, status, { by: this.#me });
  }

  update(id: string, patch: { title?: string; ownerId?: string; dueDate?: string | null }) {
    return updateDevelopmentItem(this.doc, id, patch);
  }

  remove(id: string): boolean {
    return updateDevelopmentItem(this.doc, id, { deleted: true });
  }
}
