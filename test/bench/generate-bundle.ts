import type { Clause, TermsBundle } from '@terms-gate/bundle';

/** A deterministic pseudo-random generator, so every run measures the same bundle. */
function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

const WORDS = 'the service provider user account data content liability terms agreement notice may shall not any other party law court information payment fee change time right use third access security backup loss damage claim'.split(' ');

/**
 * A large bundle for benchmarks: about `targetBytes` of English text in sections of numbered
 * clauses, one clause in twenty marked (one in a hundred critical).
 */
export function generateBundle(targetBytes: number, seed = 1): TermsBundle {
  const next = random(seed);
  const sentence = () => {
    const length = 12 + Math.floor(next() * 20);
    const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const sections: Clause[] = [];
  let bytes = 0;
  let clauseCount = 0;
  for (let s = 1; bytes < targetBytes; s++) {
    const clauses: Clause[] = [];
    for (let c = 1; c <= 10 && bytes < targetBytes; c++) {
      const text = Array.from({ length: 2 + Math.floor(next() * 3) }, sentence).join(' ');
      bytes += text.length;
      clauseCount++;
      const clause: Clause = { id: `${s}.${c}`, number: `${s}.${c}`, body: [{ type: 'paragraph', text: [text] }] };
      if (clauseCount % 20 === 0) {
        clause.highlight = {
          kinds: ['limits-liability'],
          critical: clauseCount % 100 === 0,
          source: 'author',
          explanation: { en: { summary: 'We limit what we owe you here.' } },
        };
      }
      clauses.push(clause);
    }
    sections.push({ id: String(s), number: `${s}.`, heading: [`Section ${s}`], clauses });
  }
  return {
    format: 1,
    id: `generated-${targetBytes}`,
    version: '1.0',
    documents: [{ id: 'terms', locale: 'en', title: 'Generated Terms of Service', effectiveDate: '2026-01-01', clauses: sections }],
  };
}
