import type { Receipt } from '@terms-gate/bundle';

/** A receipt in words, as rows of a definition list: what a user or a support agent reads. */
export function describeReceipt(receipt: Receipt, english: boolean): Array<[string, string]> {
  const say = (zh: string, en: string) => (english ? en : zh);
  const seen = receipt.marked.filter((m) => m.seen).length;
  const explained = receipt.marked.filter((m) => m.explained).length;
  const acknowledged = receipt.marked.filter((m) => m.acknowledgedAt).length;
  return [
    [say('条款', 'Terms'), `${receipt.bundle.id} ${receipt.bundle.version}`],
    [say('文件', 'Documents'), receipt.documents.map((d) => `${d.title} (${d.effectiveDate})`).join('; ')],
    [say('结果', 'Outcome'), receipt.outcome],
    [say('显示语言', 'Shown in'), receipt.locale],
    [say('打开时间', 'Opened'), new Date(receipt.openedAt).toLocaleString(receipt.locale)],
    [say('决定时间', 'Decided'), new Date(receipt.decidedAt).toLocaleString(receipt.locale)],
    [say('特别提示条款', 'Marked clauses'), say(`共 ${receipt.marked.length} 项，显示过 ${seen} 项，查看解释 ${explained} 项，确认 ${acknowledged} 项`, `${receipt.marked.length} in all: ${seen} shown on screen, ${explained} explained, ${acknowledged} acknowledged`)],
    [say('单独同意', 'Separate consents'), receipt.consents.map((c) => `${c.id}: ${c.granted ? say('同意', 'given') : say('未同意', 'not given')}`).join('; ') || '—'],
    [say('条款摘要值', 'Bundle digest'), receipt.bundle.digest],
  ];
}
