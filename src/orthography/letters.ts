/**
 * The Vietnamese letter table: every vowel with its quality mark (ă â ê ô ơ ư)
 * and each of the six tones, plus đ. Upper case is derived from lower case.
 */

/** Tone numbers: 0 ngang (none), 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng. */
export type Tone = 0 | 1 | 2 | 3 | 4 | 5;

/** Each row is one vowel in the six tones, in {@link Tone} order. */
const VOWEL_ROWS = [
  'aàáảãạ',
  'ăằắẳẵặ',
  'âầấẩẫậ',
  'eèéẻẽẹ',
  'êềếểễệ',
  'iìíỉĩị',
  'oòóỏõọ',
  'ôồốổỗộ',
  'ơờớởỡợ',
  'uùúủũụ',
  'ưừứửữự',
  'yỳýỷỹỵ',
] as const;

/** Vowel with its quality mark but no tone → the plain Latin letter. */
const PLAIN: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u', đ: 'd' };

/** A letter split into its toneless form (marks kept) and its tone. */
export interface LetterParts {
  /** The letter without tone, with its quality mark (ă, ê, ư, đ…), same case as the input. */
  letter: string;
  tone: Tone;
}

const toParts = new Map<string, LetterParts>();
const fromParts = new Map<string, string>();
const stripMap = new Map<string, string>();

for (const row of VOWEL_ROWS) {
  for (const upper of [false, true]) {
    const chars = upper ? row.toUpperCase() : row;
    const base = chars[0] as string;
    const plain = upper ? (PLAIN[row[0] as string] ?? (row[0] as string)).toUpperCase() : (PLAIN[row[0] as string] ?? (row[0] as string));
    for (let t = 0; t < 6; t++) {
      const ch = chars[t] as string;
      toParts.set(ch, { letter: base, tone: t as Tone });
      fromParts.set(base + t, ch);
      if (ch !== plain) stripMap.set(ch, plain);
    }
  }
}
for (const [d, plain] of [
  ['đ', 'd'],
  ['Đ', 'D'],
] as const) {
  toParts.set(d, { letter: d, tone: 0 });
  fromParts.set(`${d}0`, d);
  stripMap.set(d, plain);
}

/** Every precomposed Vietnamese letter that carries a mark, lower and upper case. */
export const MARKED_LETTERS: readonly string[] = [...stripMap.keys()];

/**
 * Split one letter into its toneless letter and its tone.
 * Letters outside the table come back unchanged with tone 0.
 * @example decomposeLetter('ệ') // { letter: 'ê', tone: 5 }
 */
export function decomposeLetter(ch: string): LetterParts {
  return toParts.get(ch) ?? { letter: ch, tone: 0 };
}

/**
 * Put a tone on a toneless letter; `undefined` when the letter cannot carry one.
 * @example composeLetter('ê', 5) // 'ệ'
 */
export function composeLetter(letter: string, tone: Tone): string | undefined {
  if (tone === 0) return letter;
  return fromParts.get(letter + tone);
}

/**
 * The plain Latin letter under all marks.
 * @example baseLetter('Ử') // 'U'
 */
export function baseLetter(ch: string): string {
  return stripMap.get(ch) ?? ch;
}

const MARKED_LETTER = new RegExp(`[${MARKED_LETTERS.join('')}]`, 'g');
const plainOf = (ch: string) => stripMap.get(ch) as string;

/**
 * Replace every precomposed marked letter of `text` by its plain Latin letter (combining marks are left).
 * @example plainLetters('Đầu tư') // 'Dau tu'
 */
export function plainLetters(text: string): string {
  return text.replace(MARKED_LETTER, plainOf);
}

/** True for a, ă, â, e, ê, i, o, ô, ơ, u, ư, y in any tone and case. */
export function isVowel(ch: string): boolean {
  const parts = toParts.get(ch);
  return parts !== undefined && parts.letter.toLowerCase() !== 'đ';
}
