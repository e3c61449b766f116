/**
 * Guesses a document's language when neither the caller nor the front matter names it: Chinese if
 * Han characters dominate (Traditional if its characters outnumber their Simplified forms), else English.
 */

// Common characters that differ between the two scripts, paired by position.
const TRADITIONAL = '這們個為與說時會來對後過關當還開條務資權於從樣點體網電購買責準確帳戶協議條款';
const SIMPLIFIED = '这们个为与说时会来对后过关当还开条务资权于从样点体网电购买责准确帐户协议条款';

/** `zh-CN`, `zh-TW` or `en`, from a sample of the document's text. */
export function guessLocale(sample: string): string {
  let han = 0;
  let latin = 0;
  let traditional = 0;
  let simplified = 0;
  for (const char of sample) {
    if (/\p{Script=Han}/u.test(char)) {
      han++;
      if (TRADITIONAL.includes(char) && !SIMPLIFIED.includes(char)) traditional++;
      else if (SIMPLIFIED.includes(char) && !TRADITIONAL.includes(char)) simplified++;
    } else if (/[A-Za-z]/.test(char)) latin++;
  }
  // A Chinese text is mostly Han even when it names products in Latin letters; English text is
  // about five letters per word, so compare Han characters with Latin words.
  if (han === 0 || han < latin / 5) return 'en';
  return traditional > simplified ? 'zh-TW' : 'zh-CN';
}
