// Chinese numerals as printed in headings: 一 … 十五 … 二十三, and back again for generated refs.

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A year written digit by digit in Chinese ("二〇二三") as its Arabic digits, else null. */
export function yearDigits(text: string): string | null {
  let out = '';
  for (const ch of text) {
    const d = ch === '两' ? undefined : DIGITS[ch];
    if (d !== undefined) out += String(d);
    else if (ch >= '0' && ch <= '9') out += ch;
    else return null;
  }
  return out.length > 0 ? out : null;
}

/** The value of a Chinese numeral (一 … 九千九百九十九), or null when it is not one. */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const scale = SCALES[ch];
    if (scale === undefined) return null;
    total += (digit ?? 1) * scale;
    digit = null;
  }
  return total + (digit ?? 0);
}

const NAMES = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 15 → 十五, 23 → 二十三, 105 → 一百零五 (the way headings print them). */
export function formatChineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 9999) return String(value);
  const parts: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = value;
  let pendingZero = false;
  for (const [scale, name] of parts) {
    const d = Math.floor(rest / scale);
    rest %= scale;
    if (d > 0) {
      if (pendingZero) out += '零';
      // 十五, not 一十五, when the numeral starts with ten.
      out += (d === 1 && scale === 10 && out === '' ? '' : NAMES[d]) + name;
      pendingZero = false;
    } else if (out !== '') {
      pendingZero = true;
    }
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + NAMES[rest];
  return out;
}
