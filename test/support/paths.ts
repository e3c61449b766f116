import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Public terms documents and corpora, kept beside the repository rather than in it. */
export const sharedDir = process.env.TERMS_GATE_SHARED ?? resolve(repoRoot, '../shared');
export const seedMarkdown = resolve(sharedDir, 'seeds/000_f1a395e808b567b2.txt');
export const seedBundle = resolve(repoRoot, 'demo/terms/xiaoyi.json');
export const elementsDist = resolve(repoRoot, 'packages/elements/dist');
