/**
 * `verifyReceipt()`: checks a receipt against the bundle it names (R21), with no network and no
 * vendor: the receipt's shape, every digest, the marked clauses and consents it lists, its clock,
 * and that what it claims about the outcome follows from the facts it records.
 *
 * Facts only the recorder knows (how many milliseconds a clause was on screen, the user agent, which
 * documents were opened, an optional consent's answer) cannot be checked against the bundle; the
 * receipt's `integrity` digest shows that one of them was edited. Whoever edits a receipt can compute
 * that digest again, so a host that needs the receipt to be tamper-proof signs it (docs/receipts.md).
 */
import { computeDigests, digestOf } from './digest.ts';
import { formatIssue } from './issues.ts';
import { parseBundle } from './parse.ts';
import type { BundleDigests } from './receipt-types.ts';
import { at, isRecord, isTimestamp, receiptShapeProblems, show, type ReceiptProblem } from './receipt-shape.ts';
import type { TermsBundle } from './types.ts';
import { allClauses, markedClauses, shownLocale, textFor, textsOf } from './walk.ts';

export type { ReceiptProblem } from './receipt-shape.ts';

/** What `verifyReceipt()` found: `ok` when there is no problem at all. */
export interface VerifyResult {
  ok: boolean;
  /** Every problem found, in receipt order, each naming the JSON path of the receipt value concerned. */
  problems: ReceiptProblem[];
}

/** `sha256:` and the first 12 hex digits, enough to tell two digests apart in a message. */
const short = (digest: unknown) => (typeof digest == 'string' ? digest.slice(0, 19) + '…' : show(digest));
const refKey = (document: unknown, clause: unknown) => JSON.stringify([document, clause]);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown => (isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined);

/**
 * Verifies a receipt against a bundle.
 *
 * Checks the receipt's shape (`schema/receipt.schema.json`); that it names this bundle by id, version
 * and digest; each document's digest, effective date and title; that it lists exactly the bundle's
 * marked clauses, each with the digest of its text in the locale shown and the bundle's kinds and
 * critical flag; each separate consent with its required flag and the digest of its notice; that every
 * timestamp is real and inside the session; that `seen`, `explained` and the checkbox history agree
 * with the facts; that `requirements.met` is what the facts imply; and, for an accept, that the
 * requirements were met, the checkbox was left checked and every required consent was granted.
 * Last, that `integrity` is the digest of the rest of the receipt: any edit after the receipt was made,
 * even of a fact no bundle can reveal, is reported at `integrity`.
 *
 * @param bundle The bundle the receipt names: a JSON text or value (it is validated with `parseBundle`).
 * @param receipt A receipt as stored, e.g. `JSON.parse` of a file.
 * @returns Every problem found; never throws, whatever the inputs.
 */
export async function verifyReceipt(bundle: TermsBundle | unknown, receipt: unknown): Promise<VerifyResult> {
  const problems: ReceiptProblem[] = [];
  try {
    const parsed = parseBundle(bundle);
    if (!parsed.ok) {
      for (const issue of parsed.errors.slice(0, 20)) problems.push({ path: '', message: `the bundle is invalid: ${formatIssue(issue)}` });
      return { ok: false, problems };
    }
    const shape = receiptShapeProblems(receipt);
    problems.push(...shape);
    if (!isRecord(receipt)) return { ok: false, problems };
    const broken = new Set(shape.map((problem) => problem.path));
    new ReceiptCheck(parsed.bundle, await computeDigests(parsed.bundle), receipt, broken, problems).run();
    await checkIntegrity(receipt, broken, problems);
  } catch (error) {
    problems.push({ path: '', message: `could not read the receipt: ${error instanceof Error ? error.message : 'it threw'}` });
  }
  return { ok: problems.length == 0, problems: sortByPath(problems) };
}

/**
 * `integrity` must be the digest of the receipt without it. When it is not, the other problems name
 * what changed; when there are none, the edit was of a fact only the recorder knows.
 */
async function checkIntegrity(receipt: Record<string, unknown>, broken: Set<string>, problems: ReceiptProblem[]) {
  if (broken.has('integrity')) return;
  const { integrity, ...rest } = receipt;
  // A value with no canonical JSON form (a lone surrogate, say) cannot have been sealed.
  if (integrity === (await digestOf(rest).catch(() => undefined))) return;
  const others = problems.length > 0;
  problems.push({
    path: 'integrity',
    message: `${short(integrity)} is not the digest of the receipt: the receipt was changed after it was made; ${
      others ? 'the other problems name what changed' : 'a field that only the recorder knows was edited (for example userAgent, library, documents[].opened, visibleMs or an optional consent)'
    }`,
  });
}

/** Problems in the order of the receipt's fields, so related ones sit together. */
function sortByPath(problems: ReceiptProblem[]): ReceiptProblem[] {
  const order = ['', 'format', 'outcome', 'bundle', 'documents', 'locale', 'controllingLocale', 'openedAt', 'decidedAt', 'requirements', 'marked', 'explanations', 'checkbox', 'consents', 'changesShown', 'userAgent', 'library', 'integrity'];
  const rank = (path: string) => {
    const index = order.indexOf(path.split(/[.[]/)[0]!);
    return index < 0 ? order.length : index;
  };
  return problems.map((problem, index) => ({ problem, index })).sort((a, b) => rank(a.problem.path) - rank(b.problem.path) || a.index - b.index).map(({ problem }) => problem);
}

/** The checks of one receipt against one bundle; `broken` holds paths whose shape is already reported. */
class ReceiptCheck {
  private readonly locale: string | undefined;
  private readonly openedAt: number | undefined;
  private readonly decidedAt: number | undefined;

  constructor(
    private readonly bundle: TermsBundle,
    private readonly digests: BundleDigests,
    private readonly receipt: Record<string, unknown>,
    private readonly broken: Set<string>,
    private readonly problems: ReceiptProblem[],
  ) {
    this.locale = typeof receipt.locale == 'string' ? receipt.locale : undefined;
    this.openedAt = isTimestamp(receipt.openedAt) ? Date.parse(receipt.openedAt) : undefined;
    this.decidedAt = isTimestamp(receipt.decidedAt) ? Date.parse(receipt.decidedAt) : undefined;
  }

  private problem(path: string, message: string) {
    this.problems.push({ path, message });
  }

  /** Compares a receipt value with the bundle's, unless its shape was already reported. */
  private same(path: string, actual: unknown, expected: unknown, what = 'the bundle') {
    if (this.broken.has(path) || actual === undefined || actual === expected) return;
    const described = path.endsWith('igest') ? `${short(actual)} does not match ${what} (${short(expected)})` : `${show(actual)} does not match ${what} (${show(expected)})`;
    this.problem(path, described);
  }

  run() {
    const { receipt, bundle } = this;
    this.same('bundle.id', field(receipt.bundle, 'id'), bundle.id);
    this.same('bundle.version', field(receipt.bundle, 'version'), bundle.version);
    this.same('bundle.digest', field(receipt.bundle, 'digest'), this.digests.bundle);
    this.checkLocale();
    this.checkDocuments();
    this.checkControllingLocale();
    if (this.openedAt !== undefined && this.decidedAt !== undefined && this.decidedAt < this.openedAt) {
      this.problem('decidedAt', `${receipt.decidedAt} is before openedAt (${receipt.openedAt})`);
    }
    this.checkMarked();
    this.checkExplanations();
    this.checkCheckbox();
    this.checkConsents();
    this.checkRequirements();
    this.checkChangesShown();
  }

  private checkLocale() {
    if (this.locale === undefined) return;
    const offered = new Set(this.bundle.documents.flatMap((document) => textsOf(document).map((text) => text.locale)));
    if (!offered.has(this.locale)) this.problem('locale', `${show(this.locale)} is not a locale any document is written in (${[...offered].join(', ')})`);
  }

  private documentById(id: unknown) {
    return this.bundle.documents.find((document) => document.id === id);
  }

  private checkDocuments() {
    const listed = new Set<unknown>();
    list(this.receipt.documents).forEach((entry, index) => {
      const path = `documents[${index}]`;
      const id = field(entry, 'id');
      const document = this.documentById(id);
      if (typeof id != 'string') return;
      if (!document) return this.problem(`${path}.id`, `no document ${show(id)} in the bundle`);
      if (listed.has(id)) return this.problem(`${path}.id`, `document ${show(id)} is listed twice`);
      listed.add(id);
      this.same(`${path}.digest`, field(entry, 'digest'), this.digests.documents[document.id], `document ${show(id)}`);
      this.same(`${path}.effectiveDate`, field(entry, 'effectiveDate'), document.effectiveDate);
      if (this.locale !== undefined) this.same(`${path}.title`, field(entry, 'title'), textFor(document, this.locale).title, `its title in ${this.locale}`);
    });
    if (!Array.isArray(this.receipt.documents)) return;
    for (const document of this.bundle.documents) {
      if (!listed.has(document.id)) this.problem('documents', `document ${show(document.id)} of the bundle is missing`);
    }
  }

  private checkControllingLocale() {
    const map = this.receipt.controllingLocale;
    if (!isRecord(map)) return;
    for (const key of Object.keys(map)) {
      const document = this.documentById(key);
      if (!document) this.problem(at('controllingLocale', key), `no document ${show(key)} in the bundle`);
      else this.same(at('controllingLocale', key), map[key], document.locale, 'the locale of its controlling text');
    }
    for (const document of this.bundle.documents) {
      if (!Object.hasOwn(map, document.id)) this.problem('controllingLocale', `document ${show(document.id)} is missing`);
    }
  }

  /** Reports a timestamp outside the session. */
  private during(path: string, value: unknown) {
    if (!isTimestamp(value) || this.openedAt === undefined || this.decidedAt === undefined) return;
    const time = Date.parse(value);
    if (time < this.openedAt || time > this.decidedAt) {
      this.problem(path, `${value} is outside the session (${this.receipt.openedAt} to ${this.receipt.decidedAt})`);
    }
  }

  private checkMarked() {
    const expected = new Map(markedClauses(this.bundle).map((entry) => [refKey(entry.document, entry.clause.id), entry]));
    const explained = new Set(list(this.receipt.explanations).map((entry) => refKey(field(entry, 'document'), field(entry, 'clause'))));
    const sessionMs = this.openedAt !== undefined && this.decidedAt !== undefined ? this.decidedAt - this.openedAt : undefined;
    const listed = new Set<string>();
    list(this.receipt.marked).forEach((entry, index) => {
      const path = `marked[${index}]`;
      const [documentId, clauseId] = [field(entry, 'document'), field(entry, 'clause')];
      const key = refKey(documentId, clauseId);
      const mark = expected.get(key);
      if (typeof documentId != 'string' || typeof clauseId != 'string') return;
      if (!mark) return this.notMarked(path, documentId, clauseId);
      if (listed.has(key)) return this.problem(`${path}.clause`, `clause ${clauseId} is listed twice`);
      listed.add(key);
      const name = `clause ${clauseId}`;
      const document = this.documentById(documentId)!;
      if (this.locale !== undefined) {
        const shownIn = textFor(document, this.locale).locale;
        const digest = field(entry, 'digest');
        const wanted = this.digests.clauses[documentId]?.[shownIn]?.[clauseId];
        if (!this.broken.has(`${path}.digest`) && digest !== wanted) {
          this.problem(`${path}.digest`, `${name} (${shownIn}) has changed: the receipt has ${short(digest)}, the bundle ${short(wanted)}`);
        }
      }
      this.checkKinds(`${path}.kinds`, field(entry, 'kinds'), mark.clause.highlight!.kinds, name);
      this.same(`${path}.critical`, field(entry, 'critical'), mark.clause.highlight!.critical === true, `${name} in the bundle`);
      const visibleMs = field(entry, 'visibleMs');
      const firstSeenAt = field(entry, 'firstSeenAt');
      const seen = field(entry, 'seen');
      const onScreen = (typeof visibleMs == 'number' && visibleMs > 0) || firstSeenAt !== undefined;
      if (typeof seen == 'boolean' && seen !== onScreen) {
        this.problem(`${path}.seen`, seen ? `true, but ${name} was never on screen (visibleMs 0, no firstSeenAt)` : `false, but ${name} was on screen (visibleMs or firstSeenAt)`);
      }
      if (typeof visibleMs == 'number' && sessionMs !== undefined && sessionMs >= 0 && visibleMs > sessionMs) {
        this.problem(`${path}.visibleMs`, `${visibleMs} ms on screen is longer than the session (${sessionMs} ms)`);
      }
      this.during(`${path}.firstSeenAt`, firstSeenAt);
      this.during(`${path}.acknowledgedAt`, field(entry, 'acknowledgedAt'));
      const wasExplained = field(entry, 'explained');
      if (typeof wasExplained == 'boolean' && Array.isArray(this.receipt.explanations) && wasExplained !== explained.has(key)) {
        this.problem(`${path}.explained`, wasExplained ? `true, but explanations records no opening of ${name}` : `false, but explanations records an opening of ${name}`);
      }
    });
    if (!Array.isArray(this.receipt.marked)) return;
    for (const [key, { document, clause }] of expected) {
      if (!listed.has(key)) this.problem('marked', `marked clause ${clause.id} of ${show(document)} is missing`);
    }
  }

  /** The kinds must be the bundle's, in its order; each wrong one is named by its index. */
  private checkKinds(path: string, kinds: unknown, wanted: readonly string[], name: string) {
    if (!Array.isArray(kinds) || JSON.stringify(kinds) === JSON.stringify(wanted)) return;
    const expected = `the bundle marks ${name} as ${show(wanted)}`;
    let named = false;
    kinds.forEach((kind, index) => {
      if (!wanted.includes(kind as string) || kinds.indexOf(kind) !== index) {
        this.problem(`${path}[${index}]`, `${show(kind)} ${kinds.indexOf(kind) !== index ? 'is listed twice' : 'is not among the kinds'}: ${expected}`);
        named = true;
      }
    });
    if (!named) this.problem(path, `${show(kinds)}, but ${expected}`);
  }

  /** Why a listed clause is not one of the bundle's marked clauses. */
  private notMarked(path: string, documentId: string, clauseId: string) {
    const document = this.documentById(documentId);
    if (!document) return this.problem(`${path}.document`, `no document ${show(documentId)} in the bundle`);
    const exists = allClauses(document.clauses).some((clause) => clause.id === clauseId);
    this.problem(`${path}.clause`, exists ? `clause ${clauseId} is not marked in the bundle` : `no clause ${show(clauseId)} in document ${show(documentId)}`);
  }

  private checkExplanations() {
    const marked = new Set(markedClauses(this.bundle).map((entry) => refKey(entry.document, entry.clause.id)));
    list(this.receipt.explanations).forEach((entry, index) => {
      const path = `explanations[${index}]`;
      const [documentId, clauseId, locale] = [field(entry, 'document'), field(entry, 'clause'), field(entry, 'locale')];
      if (typeof documentId != 'string' || typeof clauseId != 'string') return;
      if (!marked.has(refKey(documentId, clauseId))) return this.notMarked(path, documentId, clauseId);
      const locales = textsOf(this.documentById(documentId)!).map((text) => text.locale);
      if (typeof locale == 'string' && !locales.includes(locale)) {
        this.problem(`${path}.locale`, `${show(locale)} is not a locale of document ${show(documentId)} (${locales.join(', ')})`);
      }
      this.during(`${path}.at`, field(entry, 'at'));
    });
  }

  /** The checkbox starts unchecked and nothing can pre-check it (R8), so its changes alternate, starting with a check. */
  private checkCheckbox() {
    const changes = list(this.receipt.checkbox);
    let state = false;
    let last: number | undefined;
    changes.forEach((entry, index) => {
      const path = `checkbox[${index}]`;
      const checked = field(entry, 'checked');
      const when = field(entry, 'at');
      if (typeof checked == 'boolean') {
        if (checked === state) this.problem(`${path}.checked`, `${checked}, but the checkbox was already ${checked ? 'checked' : 'unchecked'}`);
        state = checked;
      }
      if (isTimestamp(when)) {
        const time = Date.parse(when);
        if (last !== undefined && time < last) this.problem(`${path}.at`, `${when} is before the change listed before it`);
        last = time;
        this.during(`${path}.at`, when);
      }
    });
    if (this.receipt.outcome === 'accept' && Array.isArray(this.receipt.checkbox) && !state) {
      this.problem('checkbox', 'the outcome is accept, but the checkbox was not left checked (R8)');
    }
  }

  private checkConsents() {
    const listed = new Set<unknown>();
    list(this.receipt.consents).forEach((entry, index) => {
      const path = `consents[${index}]`;
      const id = field(entry, 'id');
      const consent = this.bundle.consents?.find((candidate) => candidate.id === id);
      if (typeof id != 'string') return;
      if (!consent) return this.problem(`${path}.id`, `no consent ${show(id)} in the bundle`);
      if (listed.has(id)) return this.problem(`${path}.id`, `consent ${show(id)} is listed twice`);
      listed.add(id);
      this.same(`${path}.required`, field(entry, 'required'), consent.required, `consent ${show(id)} in the bundle`);
      if (this.locale !== undefined) {
        const shownIn = shownLocale(consent.notice, this.locale);
        this.same(`${path}.locale`, field(entry, 'locale'), shownIn, `the locale its notice is shown in`);
        const digest = field(entry, 'noticeDigest');
        const wanted = this.digests.consents[id]?.[shownIn];
        if (!this.broken.has(`${path}.noticeDigest`) && digest !== wanted) {
          this.problem(`${path}.noticeDigest`, `the notice of consent ${show(id)} (${shownIn}) has changed: the receipt has ${short(digest)}, the bundle ${short(wanted)}`);
        }
      }
      this.during(`${path}.at`, field(entry, 'at'));
      if (this.receipt.outcome === 'accept' && consent.required && field(entry, 'granted') === false) {
        this.problem(`${path}.granted`, `the outcome is accept, but required consent ${show(id)} was not granted`);
      }
    });
    if (!Array.isArray(this.receipt.consents)) return;
    for (const consent of this.bundle.consents ?? []) {
      if (!listed.has(consent.id)) this.problem('consents', `consent ${show(consent.id)} of the bundle is missing`);
    }
  }

  /** `requirements.met` must follow from the facts, and an accept must have met them. */
  private checkRequirements() {
    const requirements = this.receipt.requirements;
    if (!isRecord(requirements) || !Array.isArray(this.receipt.marked)) return;
    const unmet: ReceiptProblem[] = [];
    const marked = this.receipt.marked;
    if (requirements.requireRead === true) {
      marked.forEach((entry, index) => {
        if (field(entry, 'seen') !== true) unmet.push({ path: `marked[${index}].seen`, message: `clause ${field(entry, 'clause')} was never on screen, and requireRead was on` });
      });
    }
    const minimum = requirements.minReadSeconds;
    if (typeof minimum == 'number' && minimum > 0 && this.openedAt !== undefined && this.decidedAt !== undefined) {
      const seconds = (this.decidedAt - this.openedAt) / 1000;
      if (!(seconds >= minimum)) unmet.push({ path: 'decidedAt', message: `decided ${seconds} s after opening, and minReadSeconds was ${minimum}` });
    }
    if (requirements.requireAcknowledge === true) {
      marked.forEach((entry, index) => {
        if (field(entry, 'critical') === true && field(entry, 'acknowledgedAt') === undefined) {
          unmet.push({ path: `marked[${index}].acknowledgedAt`, message: `critical clause ${field(entry, 'clause')} was not acknowledged, and requireAcknowledge was on` });
        }
      });
    }
    const met = unmet.length == 0;
    if (typeof requirements.met == 'boolean' && requirements.met !== met) {
      this.problem('requirements.met', met ? 'false, but the facts meet every requirement' : `true, but ${unmet.map((p) => p.message).join('; ')}`);
    }
    if (this.receipt.outcome === 'accept') for (const problem of unmet) this.problem(problem.path, `the outcome is accept, but ${problem.message}`);
  }

  private checkChangesShown() {
    const changes = this.receipt.changesShown;
    if (!isRecord(changes)) return;
    const since = changes.sinceVersion;
    if (typeof since == 'string') {
      const [major, minor] = since.split('.').map(Number);
      const [nowMajor, nowMinor] = this.bundle.version.split('.').map(Number) as [number, number];
      if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(since)) this.problem('changesShown.sinceVersion', `expected MAJOR.MINOR, got ${show(since)}`);
      else if (major! > nowMajor || (major === nowMajor && minor! >= nowMinor)) {
        this.problem('changesShown.sinceVersion', `${since} is not earlier than the bundle's version ${this.bundle.version}`);
      }
    }
    const listed = new Set<string>();
    list(changes.clauses).forEach((entry, index) => {
      const path = `changesShown.clauses[${index}]`;
      const [documentId, clauseId] = [field(entry, 'document'), field(entry, 'clause')];
      if (typeof documentId != 'string' || typeof clauseId != 'string') return;
      const document = this.documentById(documentId);
      if (!document) return this.problem(`${path}.document`, `no document ${show(documentId)} in the bundle`);
      if (!allClauses(document.clauses).some((clause) => clause.id === clauseId)) return this.problem(`${path}.clause`, `no clause ${show(clauseId)} in document ${show(documentId)}`);
      if (listed.has(refKey(documentId, clauseId))) this.problem(`${path}.clause`, `clause ${clauseId} is listed twice`);
      listed.add(refKey(documentId, clauseId));
    });
  }
}
