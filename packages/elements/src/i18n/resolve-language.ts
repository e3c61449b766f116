/**
 * Picks the best available locale for a requested BCP 47 tag: exact match, then same language and
 * script family (zh-Hant, zh-TW and zh-HK go to Traditional Chinese, other zh to Simplified), then
 * same primary language, else the fallback. Pure, so the gate and the viewer agree on it.
 */
export function resolveLanguage(requested: string | null | undefined, available: readonly string[], fallback = 'en'): string {
  const pick = (tag: string) => available.find((a) => a.toLowerCase() === tag.toLowerCase());
  const wanted = (requested ?? '').trim();
  if (!wanted) return pick(fallback) ?? available[0] ?? fallback;
  const exact = pick(wanted);
  if (exact) return exact;
  const [language = ''] = wanted.toLowerCase().split(/[-_]/);
  if (language === 'zh') {
    const traditional = /-(hant|tw|hk|mo)\b/i.test(wanted);
    const preferred = traditional ? ['zh-TW', 'zh-Hant', 'zh-HK'] : ['zh-CN', 'zh-Hans', 'zh-SG'];
    for (const tag of [...preferred, 'zh']) {
      const found = pick(tag);
      if (found) return found;
    }
  }
  const sameLanguage = available.find((a) => a.toLowerCase().split(/[-_]/)[0] === language);
  return sameLanguage ?? pick(fallback) ?? available[0] ?? fallback;
}
