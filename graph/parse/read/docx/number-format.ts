// A list counter as Word prints it, for each w:numFmt a notice uses. Chinese notices number
// their parts 一、/（一）/1./(1)/①, and Word holds only the counter and the format: the text the
// planner reads ("一、总体要求") exists nowhere in the file until it is rendered here.
import { formatChineseNumeral } from '../../numerals.ts';

const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const EARTHLY_BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const LEGAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IDEOGRAPH_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** ① … ⑳: Word draws enclosed numbers up to 20 and falls back to plain digits past that. */
const enclosed = (n: number, first: number, last = 20): string =>
  n >= 1 && n <= last ? String.fromCodePoint(first + n - 1) : String(n);

function roman(n: number): string {
  if (n < 1 || n > 3999) return String(n);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Word's letters: A … Z, then AA … ZZ, AAA … (the letter repeated, not base 26). */
function letter(n: number): string {
  if (n < 1) return String(n);
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}

/** 壹、贰 … 壹拾: the numerals of cheques and contracts (chineseLegalSimplified). */
function legal(n: number): string {
  const plain = formatChineseNumeral(n);
  if (plain === String(n)) return plain;
  // Legal numerals never drop the leading 一 of 十 (十五 is 壹拾伍).
  const full = plain.startsWith('十') ? `一${plain}` : plain;
  return [...full]
    .map((ch) => {
      const digit = IDEOGRAPH_DIGITS.indexOf(ch);
      if (digit >= 0) return LEGAL_DIGITS[digit];
      return { 十: '拾', 百: '佰', 千: '仟', 零: '零' }[ch] ?? ch;
    })
    .join('');
}

const cycle = (n: number, symbols: string): string =>
  n >= 1 ? (symbols[(n - 1) % symbols.length] as string) : String(n);

/** One counter value in one w:numFmt. An unknown format prints as decimal, as Word does. */
export function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
      return '';
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letter(n);
    case 'lowerLetter':
      return letter(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'ordinal':
      return ordinal(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'koreanCounting':
      return n === 0 ? '〇' : formatChineseNumeral(n);
    case 'chineseLegalSimplified':
      return legal(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return [...String(n)].map((d) => IDEOGRAPH_DIGITS[Number(d)] ?? d).join('');
    case 'ideographTraditional':
      return cycle(n, HEAVENLY_STEMS);
    case 'ideographZodiac':
      return cycle(n, EARTHLY_BRANCHES);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return numFmt === 'ideographEnclosedCircle'
        ? enclosed(n, 0x3280, 10) // ㊀ … ㊉
        : enclosed(n, 0x2460); // ① … ⑳
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474); // ⑴ … ⒇
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488); // ⒈ … ⒛
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    default:
      // decimal, decimalHalfWidth, cardinalText/ordinalText (English words are not this genre's),
      // and whatever a newer Word adds.
      return String(n);
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
