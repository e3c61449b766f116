import type { TermsBundle } from '@terms-gate/bundle';

/** A string a careless renderer would turn into markup and script. */
export const HOSTILE = '<img src=x onerror=alert(1)>';

/**
 * A small bilingual bundle for the viewer's and the highlight's tests: headed sections, numbered
 * clauses, items, lists, emphasis and links, a marked clause, a critical one, and hostile text.
 */
export function viewerBundle(): TermsBundle {
  return {
    format: 1,
    id: 'viewer-sample',
    version: '2.1',
    publisher: { name: { 'zh-CN': '示例', en: 'Sample' }, contact: 'https://example.com/ask' },
    documents: [
      {
        id: 'terms',
        locale: 'zh-CN',
        title: '示例服务条款',
        effectiveDate: '2025-08-10',
        preamble: [{ type: 'paragraph', text: ['请您审慎阅读，特别是', { text: '加粗的条款', strong: true }, '。'] }],
        clauses: [
          {
            id: '1',
            number: '一、',
            heading: ['服务说明'],
            clauses: [
              { id: '1.1', number: '1.1', body: [{ type: 'paragraph', text: ['本平台提供在线服务，详见', { text: '帮助中心', href: 'https://example.com/help' }, '。'] }] },
              {
                id: '1.2',
                number: '1.2',
                body: [{ type: 'paragraph', text: ['本平台不保证服务不中断，', { text: '对此不承担任何责任', emphasis: true }, '。'] }],
                highlight: {
                  kinds: ['limits-liability'],
                  source: 'author',
                  explanation: {
                    'zh-CN': { summary: '服务中断时平台不赔偿。', consequence: '中断造成的损失由您自行承担。' },
                    en: { summary: 'No compensation when the service stops.', consequence: 'You bear losses caused by interruptions.' },
                  },
                },
              },
              {
                id: '1.3',
                number: '1.3',
                body: [{ type: 'paragraph', text: ['您不得从事下列行为：'] }],
                clauses: [
                  { id: '1.3.1', kind: 'item', number: '（一）', body: [{ type: 'paragraph', text: ['破坏系统安全；'] }] },
                  { id: '1.3.2', kind: 'item', number: '（二）', body: [{ type: 'paragraph', text: [HOSTILE] }] },
                ],
              },
            ],
          },
          {
            id: '2',
            number: '二、',
            heading: ['数据与责任'],
            clauses: [
              {
                id: '2.1',
                number: '2.1',
                heading: ['数据备份'],
                body: [
                  { type: 'paragraph', text: ['此为至关重要条款。您应自行备份数据。'] },
                  { type: 'list', items: [['定期导出；'], ['异地保存。']] },
                ],
                highlight: {
                  kinds: ['shifts-burden', 'limits-liability'],
                  critical: true,
                  source: 'author',
                  explanation: { 'zh-CN': { summary: '数据丢失由您承担。' } },
                },
              },
              { id: '2.2', number: '2.2', body: [{ type: 'paragraph', text: ['争议提交平台所在地法院管辖。'] }] },
            ],
          },
        ],
        closing: [{ type: 'paragraph', text: ['再次提醒您阅读全部条款。'] }],
        translations: [
          {
            locale: 'en',
            title: 'Sample Terms of Service',
            preamble: [{ type: 'paragraph', text: ['Please read carefully, especially ', { text: 'the bold clauses', strong: true }, '.'] }],
            clauses: [
              {
                id: '1',
                number: '1.',
                heading: ['The service'],
                clauses: [
                  { id: '1.1', number: '1.1', body: [{ type: 'paragraph', text: ['We provide an online service; see the ', { text: 'help centre', href: 'https://example.com/help' }, '.'] }] },
                  { id: '1.2', number: '1.2', body: [{ type: 'paragraph', text: ['We do not promise an uninterrupted service and ', { text: 'accept no liability for it', emphasis: true }, '.'] }] },
                  {
                    id: '1.3',
                    number: '1.3',
                    body: [{ type: 'paragraph', text: ['You must not:'] }],
                    clauses: [
                      { id: '1.3.1', kind: 'item', number: '(a)', body: [{ type: 'paragraph', text: ['break the security of the system;'] }] },
                      { id: '1.3.2', kind: 'item', number: '(b)', body: [{ type: 'paragraph', text: [HOSTILE] }] },
                    ],
                  },
                ],
              },
              {
                id: '2',
                number: '2.',
                heading: ['Data and liability'],
                clauses: [
                  {
                    id: '2.1',
                    number: '2.1',
                    heading: ['Backups'],
                    body: [
                      { type: 'paragraph', text: ['This is a critical clause. You back up your own data.'] },
                      { type: 'list', items: [['export regularly;'], ['keep a copy elsewhere.']] },
                    ],
                  },
                  { id: '2.2', number: '2.2', body: [{ type: 'paragraph', text: ['Disputes go to the courts where the platform is based.'] }] },
                ],
              },
            ],
            closing: [{ type: 'paragraph', text: ['Once more: please read all the terms.'] }],
          },
        ],
      },
      {
        id: 'privacy',
        locale: 'en',
        title: 'Privacy Policy',
        effectiveDate: '2025-09-01',
        clauses: [{ id: 'p1', number: '1', heading: ['What we collect'], body: [{ type: 'paragraph', text: ['Your email address.'] }] }],
      },
    ],
  };
}
