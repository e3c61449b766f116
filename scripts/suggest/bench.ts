/** `pnpm bench:suggest`: prints the measurement tables (see docs/suggestions.md). */
import { CLAUDETTE_CATEGORIES } from '../../packages/bundle/src/suggest/linear.ts';
import { CATEGORY_KINDS } from '../../packages/bundle/src/suggest/index.ts';
import { suggestHighlights } from '../../packages/bundle/src/suggest/index.ts';
import { chineseScores, claudetteWordingConsistency, englishScores, importedSeed, inTaiwanChinese, seedAgreement, zhLabels, ZH_DOCUMENT_SETS, type Score } from './measure.ts';

const f = (n: number) => n.toFixed(2);
const prf = (s: Score) => `${f(s.precision)} / ${f(s.recall)} / ${f(s.f1)}`;

const english = englishScores();
const strict = englishScores({ ltd: /^ltd[23]$/ });
const lines: string[] = [];
lines.push('### English: CLAUDETTE (claudette-en, 50 ToS), 5 document-level folds, P / R / F1 per sentence');
lines.push('');
lines.push('| category | kind | fold 0 | fold 1 | fold 2 | fold 3 | fold 4 | mean P / R / F1 |');
lines.push('|---|---|---|---|---|---|---|---|');
for (const c of CLAUDETTE_CATEGORIES) {
  const r = english[c];
  lines.push(`| ${c} | ${CATEGORY_KINDS[c]} | ${r.folds.map((s) => f(s.f1)).join(' | ')} | ${prf(r.mean)} |`);
}
const macro = CLAUDETTE_CATEGORIES.reduce((sum, c) => sum + english[c].mean.f1, 0) / CLAUDETTE_CATEGORIES.length;
lines.push(`| ltd2/ltd3 only | limits-liability | ${strict.ltd.folds.map((s) => f(s.f1)).join(' | ')} | ${prf(strict.ltd.mean)} |`);
lines.push(`| macro-F1 (9 categories) | | | | | | | ${f(macro)} |`);
lines.push('| naive keyword regex, ltd (SOURCES.md) | | | | | | | 0.43 / 0.84 / 0.57 |');
lines.push('| *LexGLUE UNFAIR-ToS, TF-IDF+SVM — different split, 8 categories + none* | | | | | | | *macro-F1 75.0, micro-F1 94.7* |');
lines.push('| *LexGLUE UNFAIR-ToS, Legal-BERT — different split, 8 categories + none* | | | | | | | *macro-F1 83.0, micro-F1 96.0* |');
const wording = claudetteWordingConsistency();
lines.push('');
lines.push(
  `How consistently CLAUDETTE tags limitation wording ("not liable / responsible", "no liability", "disclaims", "in no event", "excludes / limits … liability"): ` +
    `${wording.wordedTagged} of the ${wording.worded} sentences so worded in the 50 documents carry an ltd tag (${Math.round((100 * wording.wordedTagged) / wording.worded)} %), and ${wording.asIsTagged} of the ${wording.asIs} sentences saying "as is" (warranty disclaimers); ` +
    `${wording.wordedFalseAlarms} of the ${wording.falseAlarms} ltd false alarms on the test folds are so worded.`,
);
lines.push('');
const zh = chineseScores();
lines.push('### Chinese: hand-labelled lines (packages/bundle/src/suggest/data/zh-labels.jsonl)');
lines.push('');
lines.push('| kind | P | R | F1 | tp | fp | fn |');
lines.push('|---|---|---|---|---|---|---|');
lines.push(`| any kind (line marked or not) | ${f(zh.any.precision)} | ${f(zh.any.recall)} | ${f(zh.any.f1)} | ${zh.any.tp} | ${zh.any.fp} | ${zh.any.fn} |`);
for (const [kind, s] of Object.entries(zh.byKind).sort()) lines.push(`| ${kind} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.f1)} | ${s.tp} | ${s.fp} | ${s.fn} |`);
lines.push('');
lines.push('Per document, any kind (a line marked or not), with what the document was used for (see `ZH_DOCUMENT_SETS` in scripts/suggest/measure.ts): *development*, the rules were written against some of its lines; *tuning*, labelled whole and blind, then the rules were improved against its misses; *held-out*, labelled whole and blind, never used to change a rule.');
lines.push('');
lines.push('| document | used for | lines labelled | lines marked | P | R | F1 | tp | fp | fn |');
lines.push('|---|---|---|---|---|---|---|---|---|---|');
const labels = zhLabels();
const row = (name: string, set: string, include: (doc: string) => boolean) => {
  const { any } = chineseScores(include);
  const own = labels.filter((l) => include(l.doc));
  lines.push(`| ${name} | ${set} | ${own.length} | ${own.filter((l) => l.kinds.length).length} | ${f(any.precision)} | ${f(any.recall)} | ${f(any.f1)} | ${any.tp} | ${any.fp} | ${any.fn} |`);
};
for (const [doc, set] of Object.entries(ZH_DOCUMENT_SETS)) row(doc, set, (d) => d === doc);
for (const set of ['development', 'tuning', 'held-out']) row(`**all ${set}**`, set, (d) => ZH_DOCUMENT_SETS[d] === set);
lines.push('');
const taiwan = chineseScores(() => true, inTaiwanChinese).any;
lines.push(
  `Traditional Chinese: every labelled line converted by OpenCC to Taiwan's script and words (信息 → 資訊, 网络 → 網路) scores ` +
    `P ${f(taiwan.precision)} / R ${f(taiwan.recall)} / F1 ${f(taiwan.f1)}, against ${f(zh.any.precision)} / ${f(zh.any.recall)} / ${f(zh.any.f1)} as written.`,
);
lines.push('');
// Every miss of the whole-document labels would fill pages: those are listed with --misses.
const listed = process.argv.includes('--misses') ? zh : chineseScores((d) => ZH_DOCUMENT_SETS[d] === 'development');
const scope = process.argv.includes('--misses') ? 'all documents' : 'development documents; `pnpm bench:suggest --misses` lists those of every document';
lines.push(`Misses (${scope}): ${listed.misses.join('; ') || 'none'}`);
lines.push('');
lines.push(`False alarms (${scope}): ${listed.falseAlarms.join('; ') || 'none'}`);
lines.push('');
const seed = seedAgreement();
lines.push('### Seed (小忆互联平台服务条款) imported with --suggest, against the author\'s marks');
lines.push('');
lines.push(`- author marks ${seed.author} clauses, suggestions mark ${seed.suggested}; ${seed.both} of the author's clauses are suggested`);
lines.push(`- recall of the author's limits-liability/shifts-burden clauses (suggested with either kind): ${seed.burdenRecall.tp}/${seed.burdenRecall.tp + seed.burdenRecall.fn} = ${f(seed.burdenRecall.recall)}`);
lines.push(`- author clauses not suggested: ${seed.missed.join(', ') || 'none'}`);
lines.push(`- author kinds not suggested: ${seed.kindMisses.join(', ') || 'none'}`);
lines.push(`- suggested clauses the author did not mark: ${seed.extra.join(', ') || 'none'}`);
lines.push('');
lines.push(...speed());
console.log(lines.join('\n'));

/**
 * `suggestHighlights` on the seed, and on its clauses repeated 2, 4 and 8 times: the median of 21
 * runs each after 5 unmeasured ones, to see that it stays within 50 ms for the seed and grows
 * linearly with the text.
 */
function speed(): string[] {
  const seed = importedSeed();
  const rows = [1, 2, 4, 8].map((times) => {
    const bundle = { ...seed, documents: seed.documents.map((document) => ({ ...document, clauses: Array.from({ length: times }, () => document.clauses).flat() })) };
    const runs: number[] = [];
    for (let run = 0; run < 26; run++) {
      const started = performance.now();
      suggestHighlights(bundle);
      if (run >= 5) runs.push(performance.now() - started);
    }
    return { times, ms: runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]! };
  });
  return [
    `### Speed: suggestHighlights in Node ${process.version}, median of 21 runs`,
    '',
    '| text | ms | ms ÷ the seed\'s |',
    '|---|---|---|',
    ...rows.map(({ times, ms }) => `| ${times === 1 ? 'the seed' : `the seed's clauses × ${times}`} | ${ms.toFixed(2)} | ${(ms / rows[0]!.ms).toFixed(2)} |`),
  ];
}
