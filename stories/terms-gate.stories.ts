import type { TermsBundle } from '@terms-gate/bundle';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import githubTerms from './data/github-terms.json';
import { deepQueryAll, expectEventually, openDialog, sampleBundle } from './support/elements.ts';
import { acceptWhenAllowed, markedClauses, openTerms, part, parts, readyGate, recordEvents } from './support/gate.ts';
import { emulateMedia } from './support/media.ts';
import xiaoyiUrl from '../demo/terms/xiaoyi.json?url';

/**
 * `<terms-gate>` is what a signup form embeds: an agreement line with an unchecked checkbox. The
 * checkbox and the document title open the terms in a modal dialog; only accepting there ticks it.
 * Each story below is one state a designer needs to see and a test that it still behaves.
 */
const meta = {
  title: 'Gate/terms-gate',
  component: 'terms-gate',
  parameters: { docs: { story: { inline: false, iframeHeight: 640 } } },
} satisfies Meta;
export default meta;
type Story = StoryObj;

const longTerms = githubTerms as unknown as TermsBundle;
const NEVER_ANSWERS = '/stories/terms-that-never-answer.json';

/** A short bundle without marks that need scrolling: for the stories about one requirement each. */
const shortBundle = () => sampleBundle({ consents: [] });

/**
 * Loading: `src` has not answered yet. The agreement line says so in a `role="status"` region and
 * offers no checkbox, so nobody can agree to terms they could not have seen (R1). Here the request
 * for `src` is held open for the whole story.
 */
export const Loading: Story = {
  beforeEach: () => {
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      if (!String(input instanceof Request ? input.url : input).endsWith(NEVER_ANSWERS)) return realFetch(input, init);
      return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    };
    return () => {
      window.fetch = realFetch;
    };
  },
  render: () => html`<div lang="en"><terms-gate src=${NEVER_ANSWERS} timeout="600000"></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = canvasElement.querySelector('terms-gate')!;
    await waitFor(() => expect(part(gate, 'base')).toHaveTextContent('Loading the terms…'));
    expect(part(gate, 'base').getAttribute('role')).toBe('status');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(gate.shadowRoot!.querySelector('[part~="checkbox"]')).toBeNull();
    expect(gate.accepted).toBe(false);
  },
};

/**
 * Load error: `src` answers 404. The gate says the terms could not be loaded (`role="alert"`),
 * offers a retry, fires `terms-error` and sets the `:state(error)` custom state. There is no way to
 * accept terms that were never shown.
 */
export const LoadError: Story = {
  render: () => html`<div lang="en"><terms-gate src="/stories/no-such-terms-bundle.json"></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    const error = part(gate, 'error');
    expect(error.getAttribute('role')).toBe('alert');
    expect(error).toHaveTextContent('The terms could not be loaded.');
    expect(part(gate, 'retry')).toHaveTextContent('Try again');
    expect(gate.matches(':state(error)')).toBe(true);
    expect(gate.shadowRoot!.querySelector('[part~="checkbox"]')).toBeNull();
  },
};

/**
 * Invalid bundle: the JSON loads but is not a valid terms bundle (here: no documents). The gate
 * validates every bundle before showing it and refuses this one with its own message, so a broken
 * deployment can never collect assent to an empty or partial text.
 */
export const InvalidBundle: Story = {
  render: () => html`<div lang="en"><terms-gate .bundle=${{ format: 1, id: 'broken', version: '1.0', documents: [] } as unknown as TermsBundle}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    expect(part(gate, 'error')).toHaveTextContent('The terms file is not valid.');
    expect(gate.matches(':state(error)')).toBe(true);
  },
};

/**
 * The seed bundle in Chinese (`lang="zh-CN"`): 《小忆互联平台服务条款》 with its 24 marked clauses.
 * Opening the terms shows every marked clause conspicuously (weight, colour, icon and a text badge,
 * Civil Code art. 496) and the summary of marked clauses next to the accept button (R4). The
 * dialog stays open so the accessibility check covers it.
 */
export const SeedChinese: Story = {
  render: () => html`<form lang="zh-CN" @submit=${(event: Event) => event.preventDefault()}><terms-gate src=${xiaoyiUrl}></terms-gate></form>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    // The line reads 我已阅读并同意《小忆互联平台服务条款》, with no space before 《.
    expect(part(gate, 'base')).toHaveTextContent(/我已阅读并同意《小忆互联平台服务条款》/);
    const checkbox = part<HTMLInputElement>(gate, 'checkbox');
    expect(checkbox.checked).toBe(false);
    const dialog = await openTerms(gate);
    expect(part(gate, 'title')).toHaveTextContent('小忆互联平台服务条款');
    expect(dialog.getAttribute('aria-labelledby')).toBe('title');
    await waitFor(() => expect(markedClauses(gate)).toHaveLength(24));
    expect(part(gate, 'summary')).toHaveTextContent('(24)');
    expect(part<HTMLInputElement>(gate, 'assent').checked).toBe(false);
    expect(part(gate, 'decline')).toBeVisible();
  },
};

/**
 * The same bundle for an English reader (`lang="en"`): the agreement line, the buttons and the
 * badges are in English and the text is the English translation, with a notice that the Chinese
 * text controls. The receipt records which language was shown.
 */
export const SeedEnglish: Story = {
  render: () => html`<div lang="en"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    expect(part(gate, 'base')).toHaveTextContent('I have read and agree to “Xiaoyi Hulian Platform Terms of Service”');
    await openTerms(gate);
    expect(part(gate, 'title')).toHaveTextContent('Xiaoyi Hulian Platform Terms of Service');
    await waitFor(() => expect(part(gate, 'notice')).toHaveTextContent(/the Chinese.* text controls/));
    expect(part(gate, 'content').getAttribute('lang')).toBe('en');
    // Long texts render in chunks after the first screen: every mark is there a few frames later.
    await waitFor(() => expect(markedClauses(gate)).toHaveLength(24));
    expect(part(gate, 'accept')).toHaveTextContent('Accept');
    expect(part(gate, 'decline')).toHaveTextContent('Decline');
  },
};

/**
 * A long English document (GitHub's Terms of Service, CC0, imported from Markdown): the text scrolls
 * inside the dialog while the action bar stays put, the contents list links to each section, and
 * the six marked clauses sit far down the text.
 */
export const LongEnglishDocument: Story = {
  render: () => html`<div lang="en"><terms-gate .bundle=${longTerms}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    await openTerms(gate);
    const body = part(gate, 'body');
    await waitFor(() => expect(body.scrollHeight).toBeGreaterThan(body.clientHeight * 5));
    await waitFor(() => expect(markedClauses(gate)).toHaveLength(6));
    expect(deepQueryAll(part(gate, 'toc'), 'a').length).toBeGreaterThan(10);
    expect(part(gate, 'footer').getBoundingClientRect().bottom).toBeLessThanOrEqual(innerHeight + 1);
  },
};

/**
 * Right-to-left: the gate inside an Arabic page (`lang="ar" dir="rtl"`). The layout mirrors (the
 * mark's border is on the inline-start side, now the right); the document has no Arabic text, so
 * the best available language is shown. The user-interface strings are Arabic where the library
 * ships them and fall back to English otherwise.
 */
export const RightToLeft: Story = {
  render: () => html`<div lang="ar" dir="rtl"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    expect(getComputedStyle(part(gate, 'base')).direction).toBe('rtl');
    await openTerms(gate);
    const dialog = part(gate, 'dialog');
    expect(getComputedStyle(dialog).direction).toBe('rtl');
    await waitFor(() => expect(markedClauses(gate).length).toBe(24));
    const mark = part(markedClauses(gate)[0]!, 'base');
    const style = getComputedStyle(mark);
    expect(parseFloat(style.borderRightWidth)).toBeGreaterThanOrEqual(3);
    expect(parseFloat(style.borderLeftWidth)).toBe(0);
    // Accept and decline follow the reading direction: accept comes first, on the right.
    expect(part(gate, 'accept').getBoundingClientRect().left).toBeGreaterThan(part(gate, 'decline').getBoundingClientRect().left);
  },
};

/**
 * Dark theme (`theme="dark"`) on a dark page: the agreement line takes the dark palette, and every
 * colour pair keeps WCAG AA contrast (the accessibility check includes colour contrast).
 */
export const Dark: Story = {
  render: () => html`<div lang="en" style="background:#0d1117;color:#e6edf3;padding:1rem"><terms-gate theme="dark" src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    expect(gate.getAttribute('theme')).toBe('dark');
    expect(getComputedStyle(part(gate, 'base')).color).toBe('rgb(230, 237, 243)');
    expect(getComputedStyle(part(gate, 'document-link')).color).toBe('rgb(121, 184, 255)');
  },
};

/**
 * The terms dialog in the dark theme: surface, text and marked clauses all dark, so a dark page
 * does not flash a white dialog: `theme="dark"` on the gate reaches the dialog, the viewer and
 * every marked clause.
 */
export const DarkDialog: Story = {
  render: () => html`<div lang="en" style="background:#0d1117;color:#e6edf3;padding:1rem"><terms-gate theme="dark" src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    await openTerms(gate);
    expect(getComputedStyle(part(gate, 'dialog')).backgroundColor).toBe('rgb(13, 17, 23)');
    expect(getComputedStyle(part(gate, 'content')).color).toBe('rgb(230, 237, 243)');
    await waitFor(() => expect(markedClauses(gate).length).toBe(24));
    expect(getComputedStyle(part(markedClauses(gate)[0]!, 'base')).backgroundColor).toBe('rgb(45, 29, 11)');
  },
};

/**
 * Forced colors (Windows High Contrast): the system palette replaces the theme, and the marks must
 * survive it (R2): the border, the icon and the text badges stay visible. In the test run the
 * browser emulates `forced-colors: active`; in Storybook turn it on in DevTools → Rendering →
 * "Emulate CSS media feature forced-colors" to check by eye.
 */
export const ForcedColors: Story = {
  beforeEach: async () => {
    await emulateMedia([{ name: 'forced-colors', value: 'active' }]);
    return async () => {
      await emulateMedia([]);
    };
  },
  render: () => html`<div lang="en"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    await openTerms(gate);
    await waitFor(() => expect(markedClauses(gate).length).toBe(24));
    const highlight = markedClauses(gate)[0]!;
    const mark = getComputedStyle(part(highlight, 'base'));
    expect(parseFloat(mark.borderInlineStartWidth)).toBeGreaterThanOrEqual(3);
    expect(mark.borderInlineStartStyle).toBe('solid');
    expect(part(highlight, 'badge')).toBeVisible();
    if (matchMedia('(forced-colors: active)').matches) {
      // Badges opt out of forced colours to keep their Mark/MarkText pair distinct from the text.
      expect(getComputedStyle(part(highlight, 'badge')).forcedColorAdjust).toBe('none');
    }
  },
};

/**
 * A brand theme made only of public hooks: `--terms-*` custom properties on an ancestor and
 * `::part()` rules, no `!important`. The structure, the marks and the equal weight of accept and
 * decline stay the library's; only the look is the brand's.
 */
export const BrandTheme: Story = {
  render: () => html`<style>
      .brand {
        --terms-color-accent: #5b21b6;
        --terms-color-focus: #5b21b6;
        --terms-color-marked: #9d174d;
        --terms-color-marked-surface: #fdf2f8;
        --terms-color-surface-raised: #f5f3ff;
        --terms-radius: 2px;
        --terms-font-family: Georgia, 'Songti SC', serif;
      }
      .brand terms-gate::part(accept),
      .brand terms-gate::part(decline) {
        border-radius: 999px;
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
      .brand terms-gate::part(header) {
        border-block-end: 4px solid #5b21b6;
      }
    </style>
    <div class="brand" lang="en"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    await openTerms(gate);
    const accept = getComputedStyle(part(gate, 'accept'));
    const decline = getComputedStyle(part(gate, 'decline'));
    expect(accept.borderTopLeftRadius).toBe('999px');
    expect(accept.textTransform).toBe('uppercase');
    // Decline stays exactly as prominent as accept (R12).
    expect(decline.borderTopLeftRadius).toBe(accept.borderTopLeftRadius);
    expect(decline.fontSize).toBe(accept.fontSize);
    expect(getComputedStyle(part(gate, 'header')).borderBottomColor).toBe('rgb(91, 33, 182)');
    await waitFor(() => expect(markedClauses(gate).length).toBe(24));
    expect(getComputedStyle(part(markedClauses(gate)[0]!, 'base')).borderInlineStartColor).toBe('rgb(157, 23, 77)');
  },
};

/**
 * `require-read`: every marked clause must have been on screen before accepting (R11). Accepting
 * too early is refused with a message that says how many marked clauses are unread (R28), and each
 * refusal takes the reader to the next unread one, so pressing accept walks the reader through
 * them. Declining is never blocked.
 */
export const RequireRead: Story = {
  render: () => html`<div lang="en"><terms-gate require-read .bundle=${longTerms}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    const events = recordEvents(gate);
    await openTerms(gate);
    await userEvent.click(part(gate, 'assent'));
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(part(gate, 'status')).toHaveTextContent(/scroll to the \d marked clauses? you have not seen/));
    expect(events.types()).not.toContain('terms-accept');
    await acceptWhenAllowed(gate);
    const { receipt } = events.last('terms-accept');
    expect(receipt.requirements).toMatchObject({ requireRead: true, met: true });
    expect(receipt.marked.every((clause: { seen: boolean }) => clause.seen)).toBe(true);
    expect(part<HTMLInputElement>(gate, 'checkbox').checked).toBe(true);
  },
};

/**
 * `min-read-seconds="3"`: the terms must have been open three seconds before accepting. An early
 * accept says how many seconds are left instead of silently disabling the button (R28).
 */
export const MinReadSeconds: Story = {
  render: () => html`<div lang="en"><terms-gate min-read-seconds="3" .bundle=${shortBundle()}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    await openTerms(gate);
    await userEvent.click(part(gate, 'assent'));
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(part(gate, 'status')).toHaveTextContent(/keep the terms open \d more seconds?/));
    expect(gate.accepted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 3100));
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(gate.accepted).toBe(true));
    expect(gate.receipt?.requirements).toMatchObject({ minReadSeconds: 3, met: true });
  },
};

/**
 * `require-acknowledge`: each critical clause (the seed's 4.4, 6.4.1 and 6.4.2, "此为至关重要条款")
 * gets its own "I have read and understood this clause" checkbox, and accepting waits for all of
 * them (R10). The receipt records when each was acknowledged.
 */
export const RequireAcknowledge: Story = {
  render: () => html`<div lang="en"><terms-gate require-acknowledge src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    const events = recordEvents(gate);
    await openTerms(gate);
    await userEvent.click(part(gate, 'assent'));
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(part(gate, 'status')).toHaveTextContent('acknowledge 3 critical clauses'));
    await waitFor(() => expect(deepQueryAll(gate.shadowRoot!, '[part~="acknowledge"] input')).toHaveLength(3));
    const boxes = deepQueryAll<HTMLInputElement>(gate.shadowRoot!, '[part~="acknowledge"] input');
    for (const box of boxes) {
      box.scrollIntoView({ block: 'center' });
      await userEvent.click(box);
    }
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(gate.accepted).toBe(true));
    const { marked } = events.last('terms-accept').receipt as { marked: Array<{ critical: boolean; acknowledgedAt?: string }> };
    expect(marked.filter((clause) => clause.critical && clause.acknowledgedAt)).toHaveLength(3);
  },
};

/**
 * Separate consent (PIPL art. 23, "单独同意"): sharing personal information with third parties has
 * its own unchecked checkbox, its own notice (recipients, purpose, data) and its own outcome in the
 * receipt (R15). It is optional, so it never blocks accepting the terms (R16).
 */
export const SeparateConsent: Story = {
  render: () => html`<div lang="en"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    const events = recordEvents(gate);
    await openTerms(gate);
    const consents = part(gate, 'consents');
    expect(consents).toHaveTextContent('Separate consents');
    expect(consents).toHaveTextContent('Recipients:');
    const consent = part<HTMLInputElement>(gate, 'consent');
    expect(consent.checked).toBe(false);
    await userEvent.click(part(gate, 'assent'));
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(gate.accepted).toBe(true));
    expect(events.last('terms-accept').receipt.consents).toEqual([expect.objectContaining({ id: 'third-party-sharing', granted: false })]);
  },
};

/**
 * Second chance (R13, "不同意 → 二次确认 → 退出"): after "Decline" the gate asks once whether the
 * user really wants to leave, and both answers are one click away. Here the question stays open so
 * its dialog is checked for accessibility.
 */
export const SecondChanceAsked: Story = {
  render: () => html`<div lang="zh-CN"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    await openTerms(gate);
    await userEvent.click(part(gate, 'decline'));
    await waitFor(() => expect(part<HTMLDialogElement>(gate, 'second-chance').open).toBe(true));
    expect(part(gate, 'second-chance')).toHaveTextContent('确定不同意吗？');
    expect(part(gate, 'second-chance-back')).toHaveTextContent('返回阅读');
    expect(part(gate, 'second-chance-decline')).toHaveTextContent('不同意');
  },
};

/**
 * Declining with a second chance, to the end: the question is asked once; going back returns to the
 * terms with nothing recorded; declining again then declines at once, without asking a second time
 * (no nagging), and fires `terms-decline` with a receipt.
 */
export const SecondChanceDecline: Story = {
  render: () => html`<div lang="en"><terms-gate src=${xiaoyiUrl}></terms-gate></div>`,
  play: async ({ canvasElement }) => {
    const gate = await readyGate(canvasElement);
    const events = recordEvents(gate);
    await openTerms(gate);
    await userEvent.click(part(gate, 'decline'));
    await waitFor(() => expect(part<HTMLDialogElement>(gate, 'second-chance').open).toBe(true));
    await userEvent.click(part(gate, 'second-chance-back'));
    await waitFor(() => expect(gate.shadowRoot!.querySelector('[part~="second-chance"]')).toBeNull());
    expect(openDialog(gate.shadowRoot!)).toBeTruthy();
    expect(events.types()).toEqual([]);
    await userEvent.click(part(gate, 'decline'));
    await waitFor(() => expect(events.types()).toEqual(['terms-decline']));
    expect(openDialog(gate.shadowRoot!)).toBeUndefined();
    expect(events.last('terms-decline').receipt.outcome).toBe('decline');
    expect(gate.accepted).toBe(false);
  },
};

/**
 * Inside a signup form (`name="terms" required`): submitting before accepting is blocked and the
 * reason is shown next to the checkbox; after accepting, the form submits the receipt as JSON under
 * the gate's name.
 */
export const InsideAForm: Story = {
  render: () => html`<form lang="en" style="display:grid;gap:0.75rem;max-inline-size:32rem">
    <label>Email <input name="email" type="email" value="reader@example.com" /></label>
    <terms-gate name="terms" required src=${xiaoyiUrl}></terms-gate>
    <button>Sign up</button>
  </form>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('form')!;
    const submitted: FormData[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(new FormData(form));
    });
    const gate = await readyGate(canvasElement);
    await userEvent.click(form.querySelector('button')!);
    await waitFor(() => expect(part(gate, 'error')).toHaveTextContent('Read and accept the terms to continue.'));
    expect(submitted).toHaveLength(0);
    expect(gate.validity.valueMissing).toBe(true);
    await openTerms(gate);
    await userEvent.click(part(gate, 'assent'));
    await userEvent.click(part(gate, 'accept'));
    await waitFor(() => expect(gate.accepted).toBe(true));
    await userEvent.click(form.querySelector('button')!);
    await waitFor(() => expect(submitted).toHaveLength(1));
    const receipt = JSON.parse(String(submitted[0]!.get('terms')));
    expect(receipt).toMatchObject({ outcome: 'accept', bundle: expect.objectContaining({ id: 'xiaoyi-platform-terms' }) });
  },
};
