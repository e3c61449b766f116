import { computeDigests, parseBundle } from '@terms-gate/bundle';
import { GateSession } from '../session/gate-session.ts';
import type { TermsModal } from '../terms-modal/terms-modal.ts';
import { whenIdle } from './load-bundle.ts';

/**
 * A bundle with one of each thing an opening renders: a section heading, a marked critical clause
 * with an explanation, a list, a closing paragraph and an optional consent. No user ever sees it.
 */
const SAMPLE = {
  format: 1,
  id: 'warm-up',
  version: '1.0',
  documents: [
    {
      id: 'd',
      locale: 'en',
      title: 'd',
      effectiveDate: '2025-01-01',
      clauses: [
        {
          id: '1',
          kind: 'section',
          heading: ['h'],
          clauses: [
            {
              id: '2',
              kind: 'clause',
              number: '2',
              body: [
                { type: 'paragraph', text: ['p', { text: 's', strong: true }] },
                { type: 'list', items: [['i']] },
              ],
              highlight: { kinds: ['limits-liability'], critical: true, explanation: { en: { summary: 's', consequence: 'c' } }, source: 'author' },
            },
          ],
        },
      ],
      closing: [{ type: 'paragraph', text: ['c'] }],
    },
  ],
  consents: [{ id: 'c', required: false, label: { en: 'l' }, notice: { en: 'n' } }],
};

let state: 'waiting' | 'scheduled' | 'done' = 'waiting';
let liveBox: HTMLElement | undefined;

/**
 * Marks the page's first opening as happened: from then on a warm-up would only cost, not save. One
 * still under way is taken out at once, so nothing looking through the page finds its sample.
 */
export function openingHappened(): void {
  state = 'done';
  liveBox?.remove();
}

/**
 * The first opening in a page pays costs that no later one pays: compiling and first running the
 * code of validation, digests, the modal, the viewer and the marks, preparing every template and
 * style sheet, and building the browser's rules from those sheets on their first styling
 * (measured: about two thirds of a first opening of the seed; `docs/performance.md`). Once per
 * page, when the browser is next idle, this runs all of that on a one-clause sample bundle in a
 * modal inside an invisible box in `root` (fixed, `visibility: hidden`, `contain: strict`: it
 * moves nothing, paints nothing and takes no focus), styles and lays out its dialog once, then
 * removes the box, so the reader's first click pays only for the real terms. Nothing is shown,
 * focused, announced, stored or dispatched; it is skipped if the terms were opened first.
 */
export function warmUpWhenIdle(root: ShadowRoot): void {
  if (state !== 'waiting') return;
  state = 'scheduled';
  // No deadline: on a page that is never idle the warm-up is not worth its cost.
  whenIdle(async () => {
    if (state === 'done') return;
    // The gate left before the page was idle: the next one to connect schedules it again.
    if (!root.host.isConnected) {
      state = 'waiting';
      return;
    }
    state = 'done';
    const parsed = parseBundle(SAMPLE);
    if (!parsed.ok) return;
    // The box has a shadow root of its own, so nothing looking for the gate's own modal finds this one.
    const box = document.createElement('div');
    // Strict containment: a box of no size whose content is laid out but clipped away.
    box.style.cssText = 'position:fixed;visibility:hidden;contain:strict';
    const modal = document.createElement('terms-modal') as TermsModal;
    modal.bundle = parsed.bundle;
    modal.session = new GateSession(parsed.bundle, { requireRead: true, minReadSeconds: 0, requireAcknowledge: true });
    modal.open = true;
    box.attachShadow({ mode: 'open' }).append(modal);
    root.append(box);
    liveBox = box;
    try {
      await modal.updateComplete;
      const viewer = modal.shadowRoot?.querySelector('terms-viewer');
      await viewer?.updateComplete;
      await Promise.all([...(viewer?.shadowRoot?.querySelectorAll('terms-highlight') ?? [])].map((mark) => mark.updateComplete));
      // Shown in place (not `showModal()`: no top layer, no focus), styled and laid out once. The
      // attribute stays until the box goes: taking it off would close the dialog, a dismissal.
      const dialog = modal.shadowRoot?.querySelector('dialog');
      dialog?.setAttribute('open', '');
      dialog?.getBoundingClientRect();
      await computeDigests(parsed.bundle);
    } finally {
      box.remove();
      liveBox = undefined;
    }
  });
}
