import type { ClauseRef, HighlightKind, Outcome, RecordedFacts, RequirementsInForce, TermsBundle, Clause } from '@terms-gate/bundle';
import { LIBRARY } from '../version.ts';

/** A marked clause as the gate tracks it. */
export interface TrackedClause extends ClauseRef {
  kinds: HighlightKind[];
  critical: boolean;
}

/** One thing still missing before the user may accept (R28 announces these). */
export type MissingRequirement =
  | { kind: 'assent' }
  | { kind: 'read'; clauses: ClauseRef[] }
  | { kind: 'time'; seconds: number }
  | { kind: 'acknowledge'; clauses: ClauseRef[] }
  | { kind: 'consent'; id: string };

const keyOf = (ref: ClauseRef) => `${ref.document}\u0000${ref.clause}`;
const iso = (ms: number) => new Date(ms).toISOString();

function collectMarked(documentId: string, clauses: readonly Clause[] | undefined, into: TrackedClause[]): void {
  for (const clause of clauses ?? []) {
    if (clause.highlight) {
      into.push({ document: documentId, clause: clause.id, kinds: [...clause.highlight.kinds], critical: !!clause.highlight.critical });
    }
    collectMarked(documentId, clause.clauses, into);
  }
}

/**
 * The gate session: a DOM-free state machine that knows the requirements, the assent checkbox,
 * the separate consents, and records the facts a receipt is built from. Every method takes the
 * current time, so the session is deterministic and testable without a browser; the elements only
 * render its state and report user actions to it. One place decides whether accept is allowed, so
 * the modal, the form validity and the receipt can never disagree.
 */
export class GateSession {
  readonly marked: readonly TrackedClause[];
  #visibleSince = new Map<string, number>();
  #visibleMs = new Map<string, number>();
  #firstSeen = new Map<string, number>();
  #explanations: RecordedFacts['explanations'] = [];
  #acknowledged = new Map<string, number>();
  #checkboxChanges: RecordedFacts['checkbox'] = [];
  #consentState = new Map<string, { granted: boolean; at: number }>();
  #documentsOpened = new Set<string>();
  #openedAt: number | undefined;
  #openSince: number | undefined;
  #openMs = 0;
  #assent = false;
  #acceptedFacts: RecordedFacts | undefined;
  changesShown: RecordedFacts['changesShown'];
  readonly #context: { userAgent?: string };

  constructor(
    readonly bundle: TermsBundle,
    readonly requirements: RequirementsInForce,
    context: { userAgent?: string } = {},
  ) {
    this.#context = context;
    const marked: TrackedClause[] = [];
    for (const document of bundle.documents) collectMarked(document.id, document.clauses, marked);
    this.marked = marked;
  }

  /** Whether the terms have been shown in this session yet. */
  get opened(): boolean {
    return this.#openedAt !== undefined;
  }

  /** Whether an acceptance has been recorded and not reset. */
  get accepted(): boolean {
    return !!this.#acceptedFacts;
  }

  /** The facts of the recorded acceptance, if any. */
  get acceptance(): RecordedFacts | undefined {
    return this.#acceptedFacts;
  }

  get assentGiven(): boolean {
    return this.#assent;
  }

  consentGranted(id: string): boolean {
    return this.#consentState.get(id)?.granted ?? false;
  }

  isSeen(ref: ClauseRef): boolean {
    return this.#firstSeen.has(keyOf(ref));
  }

  isAcknowledged(ref: ClauseRef): boolean {
    return this.#acknowledged.has(keyOf(ref));
  }

  /** The terms became visible to the user (the modal opened). */
  open(now: number, documentId?: string): void {
    this.#openedAt ??= now;
    this.#openSince ??= now;
    if (documentId) this.#documentsOpened.add(documentId);
  }

  /** The terms are no longer on screen: stop every running clock. */
  close(now: number): void {
    if (this.#openSince !== undefined) this.#openMs += now - this.#openSince;
    this.#openSince = undefined;
    for (const key of [...this.#visibleSince.keys()]) this.#stopVisible(key, now);
  }

  /** A marked clause entered or left the visible part of the viewer. */
  setVisible(ref: ClauseRef, visible: boolean, now: number): void {
    const key = keyOf(ref);
    if (!this.marked.some((m) => keyOf(m) === key)) return;
    if (visible) {
      if (this.#openSince === undefined || this.#visibleSince.has(key)) return;
      this.#visibleSince.set(key, now);
      if (!this.#firstSeen.has(key)) this.#firstSeen.set(key, now);
    } else {
      this.#stopVisible(key, now);
    }
  }

  #stopVisible(key: string, now: number): void {
    const since = this.#visibleSince.get(key);
    if (since === undefined) return;
    this.#visibleSince.delete(key);
    this.#visibleMs.set(key, (this.#visibleMs.get(key) ?? 0) + (now - since));
  }

  explain(ref: ClauseRef, locale: string, now: number): void {
    this.#explanations.push({ document: ref.document, clause: ref.clause, locale, at: iso(now) });
  }

  acknowledge(ref: ClauseRef, acknowledged: boolean, now: number): void {
    if (acknowledged) this.#acknowledged.set(keyOf(ref), now);
    else this.#acknowledged.delete(keyOf(ref));
  }

  setAssent(checked: boolean, now: number): void {
    if (checked === this.#assent) return;
    this.#assent = checked;
    this.#checkboxChanges.push({ checked, at: iso(now) });
  }

  setConsent(id: string, granted: boolean, now: number): void {
    this.#consentState.set(id, { granted, at: now });
  }

  /** Everything still missing before accept is allowed, in the order the user should see it. */
  missing(now: number): MissingRequirement[] {
    const missing: MissingRequirement[] = [];
    const { requireRead, minReadSeconds, requireAcknowledge } = this.requirements;
    if (requireRead) {
      const unseen = this.marked.filter((m) => !this.#firstSeen.has(keyOf(m)));
      if (unseen.length) missing.push({ kind: 'read', clauses: unseen.map(({ document, clause }) => ({ document, clause })) });
    }
    if (minReadSeconds > 0) {
      const openFor = this.#openMs + (this.#openSince === undefined ? 0 : now - this.#openSince);
      const left = Math.ceil((minReadSeconds * 1000 - openFor) / 1000);
      if (left > 0) missing.push({ kind: 'time', seconds: left });
    }
    if (requireAcknowledge) {
      const unacknowledged = this.marked.filter((m) => m.critical && !this.#acknowledged.has(keyOf(m)));
      if (unacknowledged.length) missing.push({ kind: 'acknowledge', clauses: unacknowledged.map(({ document, clause }) => ({ document, clause })) });
    }
    for (const consent of this.bundle.consents ?? []) {
      if (consent.required && !this.consentGranted(consent.id)) missing.push({ kind: 'consent', id: consent.id });
    }
    if (!this.#assent) missing.push({ kind: 'assent' });
    return missing;
  }

  /**
   * Records an outcome and returns its facts, or `undefined` when it may not happen: accept while
   * something is missing, or a second accept of the same acceptance (so a double click yields one).
   */
  decide(outcome: Outcome, locale: string, now: number): RecordedFacts | undefined {
    if (outcome === 'accept' && (this.accepted || this.missing(now).length)) return undefined;
    const wasOpen = this.#openSince !== undefined;
    this.close(now);
    const facts = this.#facts(outcome, locale, now);
    if (outcome === 'accept') this.#acceptedFacts = facts;
    if (wasOpen && outcome !== 'accept') this.open(now);
    return facts;
  }

  /** Forget the acceptance (form reset, or the user unticked the agreement): the gate starts over. */
  resetAcceptance(now: number): void {
    this.#acceptedFacts = undefined;
    this.setAssent(false, now);
  }

  #facts(outcome: Outcome, locale: string, now: number): RecordedFacts {
    return {
      outcome,
      locale,
      openedAt: iso(this.#openedAt ?? now),
      decidedAt: iso(now),
      requirements: { ...this.requirements },
      visibility: this.marked.map(({ document, clause }) => {
        const key = keyOf({ document, clause });
        const firstSeen = this.#firstSeen.get(key);
        return { document, clause, visibleMs: Math.round(this.#visibleMs.get(key) ?? 0), ...(firstSeen === undefined ? {} : { firstSeenAt: iso(firstSeen) }) };
      }),
      explanations: [...this.#explanations],
      acknowledgements: this.marked
        .filter((m) => this.#acknowledged.has(keyOf(m)))
        .map(({ document, clause }) => ({ document, clause, at: iso(this.#acknowledged.get(keyOf({ document, clause }))!) })),
      checkbox: [...this.#checkboxChanges],
      consents: (this.bundle.consents ?? []).map(({ id }) => {
        const state = this.#consentState.get(id);
        return { id, granted: state?.granted ?? false, ...(state ? { at: iso(state.at) } : {}) };
      }),
      documentsOpened: [...this.#documentsOpened],
      ...(this.changesShown ? { changesShown: this.changesShown } : {}),
      ...(this.#context.userAgent ? { userAgent: this.#context.userAgent } : {}),
      library: { ...LIBRARY },
    };
  }
}
