/**
 * The seed terms, imported exactly as published: a PDF conversion with mixed heading levels,
 * sentences cut by page breaks and escaped bullets.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBundle } from '../parse.ts';
import type { Block, Clause, Inline } from '../types.ts';
import { importDocument, importMarkdown } from './index.ts';

const shared = process.env.TERMS_GATE_SHARED ?? resolve(fileURLToPath(new URL('../../../../', import.meta.url)), '../shared');
const seed = readFileSync(resolve(shared, 'seeds/000_f1a395e808b567b2.txt'), 'utf8');
const terms = importDocument(seed, { locale: 'zh-CN' });

const text = (runs: readonly Inline[] = []) => runs.map((run) => (typeof run === 'string' ? run : run.text)).join('');
const paragraphs = (blocks: readonly Block[] = []) => blocks.flatMap((block) => (block.type === 'paragraph' ? [text(block.text)] : []));

function find(id: string, clauses: readonly Clause[] = terms.clauses): Clause | undefined {
  for (const clause of clauses) {
    if (clause.id === id) return clause;
    const inner = find(id, clause.clauses ?? []);
    if (inner) return inner;
  }
  return undefined;
}

/** The id tree, e.g. { "1": { "1.1": {}, … }, … }. */
function tree(clauses: readonly Clause[]): Record<string, unknown> {
  return Object.fromEntries(clauses.map((clause) => [clause.id, tree(clause.clauses ?? [])]));
}
const leaves = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, {}]));

describe('the seed terms', () => {
  it('has its title, effective date and language', () => {
    expect(terms.title).toBe('小忆互联平台服务条款');
    expect(terms.effectiveDate).toBe('2025-08-10');
    expect(terms.locale).toBe('zh-CN');
  });

  it('keeps the 重要提示 notice as preamble and the 再次提醒您 reminder as closing', () => {
    expect(paragraphs(terms.preamble)).toHaveLength(1);
    expect(paragraphs(terms.preamble)[0]).toMatch(/^重要提示：请您务必审慎阅读.*即视为您已充分阅读、理解并同意接受本协议的约束。$/);
    expect(paragraphs(terms.closing)).toHaveLength(1);
    expect(paragraphs(terms.closing)[0]).toMatch(/^再次提醒您：.*即表示您接受本协议的约束。$/);
  });

  it('nests every clause under the section its number names, whatever the heading level', () => {
    expect(tree(terms.clauses)).toEqual({
      '1': leaves('1.1', '1.2', '1.3', '1.4'),
      '2': leaves('2.1', '2.2', '2.3'),
      '3': leaves('3.1', '3.2', '3.3', '3.4', '3.5'),
      '4': leaves('4.1', '4.2', '4.3', '4.4'),
      '5': leaves('5.1', '5.2'),
      '6': {
        '6.1': leaves('6.1.1', '6.1.2', '6.1.3'),
        '6.2': leaves('6.2.1', '6.2.2'),
        '6.3': leaves('6.3.1', '6.3.2'),
        '6.4': leaves('6.4.1', '6.4.2'),
        '6.5': leaves('6.5.1', '6.5.2', '6.5.3', '6.5.4'),
        '6.6': {},
      },
      '7': leaves('7.1', '7.2', '7.3'),
    });
  });

  it('shows the sections with their Chinese numbers and headings', () => {
    expect(terms.clauses.map((clause) => `${clause.number}${text(clause.heading)}`)).toEqual([
      '一、服务说明与用户接受',
      '二、用户账户与责任',
      '三、用户义务与行为规范',
      '四、免责声明与责任限制',
      '五、协议修改与终止',
      '六、信息收集、使用与保护',
      '七、其他',
    ]);
    expect(terms.clauses.every((clause) => clause.kind === 'section')).toBe(true);
  });

  it('gives sub-sections of 六 their headings, including the ## ones', () => {
    expect(text(find('6.4')?.heading)).toBe('数据的备份与保管——用户自行负责');
    expect(text(find('6.5')?.heading)).toBe('信息的披露与共享');
    expect(text(find('6.6')?.heading)).toBe('外部链接');
    expect(find('6.1.1')?.number).toBe('6.1.1');
  });

  it('keeps the intro paragraphs of 六 and 6.5 as their bodies', () => {
    expect(paragraphs(find('6')?.body)).toEqual([expect.stringMatching(/^一旦您同意本服务条款或使用本服务.*您应审慎评估相关风险。$/)]);
    expect(paragraphs(find('6.5')?.body)).toEqual(['尽管我们有保护您信息的意愿，但在以下情况下，您同意我们可以披露您的信息，且无需承担任何责任：']);
  });

  it('makes the numbered list entries of 6.5 and 七 items with their text', () => {
    for (const id of ['6.5.1', '6.5.2', '6.5.3', '6.5.4', '7.1', '7.2', '7.3']) expect(find(id)?.kind, id).toBe('item');
    expect(paragraphs(find('6.5.1')?.body)).toEqual(['根据法律、法规、司法程序、诉讼或政府机关强制性要求；']);
    expect(paragraphs(find('7.1')?.body)).toEqual(['本协议的解释、效力及纠纷的解决，均适用于中华人民共和国法律。']);
  });

  it('lists the five prohibited kinds of content of 3.2 without the escaped asterisks', () => {
    const body = find('3.2')?.body ?? [];
    expect(paragraphs(body)).toEqual(['禁止内容：您不得利用本平台服务上传、发布、存储、传播或分享任何包含以下内容的信息：']);
    const list = body.find((block) => block.type === 'list');
    expect(list?.items.map((item) => text(item))).toEqual([
      '违反国家法律法规、危害国家安全的内容；',
      '淫秽、色情、暴恐、赌博等违法违规内容；',
      '侵犯他人知识产权、商业秘密、隐私权等合法权益的内容；',
      '任何恶意软件、病毒、木马或实施网络攻击的代码或工具；',
      '其他违反公序良俗或本平台认为不适当的内容。',
    ]);
  });

  it('re-joins the sentences a page break cut in 2.3, 5.1 and 6.4.2', () => {
    const joined = { '2.3': '本平台无法完全保证能阻止此类未经授权的行为', '5.1': '修改后的协议一经公布即生效', '6.4.2': '导致您的用户数据丢失或损坏' };
    for (const [id, sentence] of Object.entries(joined)) {
      const body = paragraphs(find(id)?.body);
      expect(body, id).toHaveLength(1);
      expect(body[0], id).toContain(sentence);
    }
  });

  it('loses no text of the seed', () => {
    const all: string[] = [terms.title, ...paragraphs(terms.preamble), ...paragraphs(terms.closing)];
    const visit = (clauses: readonly Clause[]) =>
      clauses.forEach((clause) => {
        all.push(`${clause.number ?? ''} ${text(clause.heading)}`, ...paragraphs(clause.body));
        for (const block of clause.body ?? []) if (block.type === 'list') all.push(...block.items.map((item) => text(item)));
        visit(clause.clauses ?? []);
      });
    visit(terms.clauses);
    const imported = all.join('').replace(/\s+/g, '');
    const lines = seed
      .split('\n')
      .map((line) => line.replace(/^#+\s*|^-\s*(\\\*\s*)?/g, '').replace(/\s+/g, ''))
      .filter((line) => line && !line.startsWith('生效日期'));
    for (const line of lines) expect(imported, line).toContain(line);
  });

  it('makes a bundle that parseBundle accepts', () => {
    const result = parseBundle(importMarkdown(seed, { bundleId: 'xiaoyi-platform', version: '1.0' }));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});
