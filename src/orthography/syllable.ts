import { composeLetter, decomposeLetter, type Tone } from './letters.js';

/** Where the tone goes in open oa, oe, uy: `old` hòa khỏe thủy, `new` hoà khoẻ thuỷ. */
export type ToneStyle = 'old' | 'new';

/** Initial consonants, longest first so that the first match is the greedy one. */
export const ONSETS = [
  'ngh',
  'ng',
  'gh',
  'gi',
  'kh',
  'nh',
  'ph',
  'qu',
  'th',
  'tr',
  'ch',
  'b',
  'c',
  'd',
  'đ',
  'g',
  'h',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'x',
  '',
] as const;

/** Every rhyme (medial + nucleus + coda), toneless. */
export const RHYMES: ReadonlySet<string> = new Set(
  (
    'a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uy ưa ưi ưu uơ ' +
    'oai oay oao oeo uây uôi ươi ươu iêu yêu uya uyu ' +
    'ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât ' +
    'ec em en eng ep et êch êm ên ênh êp êt ich im in inh ip it ' +
    'oc om on ong op ot ooc oong ôc ôm ôn ông ôp ôt ơm ơn ơp ơt ' +
    'uc um un ung up ut ưc ưm ưn ưng ưt ' +
    'iêc iêm iên iêng iêp iêt yêm yên yêt uôc uôm uôn uông uôt ươc ươm ươn ương ươp ươt ' +
    'oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oen oet ' +
    'uân uâng uât uêch uênh uych uynh uyt uyên uyêt'
  ).split(' '),
);

const STOP_CODAS = ['ch', 'c', 'p', 't'];
const FRONT = /^[ieêy]/;
const MARKED_VOWEL = /[ăâêôơư]/;
const VOWELS = /^[aăâeêioôơuưy]+/;

/** A lower-case syllable split into onset, toneless rhyme and tone. */
export interface Syllable {
  onset: string;
  rhyme: string;
  tone: Tone;
}

/**
 * Split a word into toneless letters and its tone; `undefined` when it carries two tones.
 * @example splitTone('Việt') // { toneless: 'Viêt', tone: 5 }
 */
export function splitTone(word: string): { toneless: string; tone: Tone } | undefined {
  let toneless = '';
  let tone: Tone = 0;
  for (const ch of word) {
    const parts = decomposeLetter(ch);
    if (parts.tone !== 0) {
      if (tone !== 0) return undefined;
      tone = parts.tone;
    }
    toneless += parts.letter;
  }
  return { toneless, tone };
}

function onsetFits(onset: string, rhyme: string): boolean {
  const front = FRONT.test(rhyme);
  switch (onset) {
    case 'c':
    case 'ng':
      return !front;
    case 'k':
      return front;
    case 'gh':
    case 'ngh':
      return front && !rhyme.startsWith('y');
    case 'qu':
      return true;
    case 'g':
      return !/^[eêy]/.test(rhyme);
    case 'gi':
      return !rhyme.startsWith('i') && !rhyme.startsWith('y');
    case '':
      return !rhyme.startsWith('iê');
    default:
      return !/^y[eên]/.test(rhyme) && !(rhyme.startsWith('y') && rhyme.length > 1);
  }
}

function rhymeFits(onset: string, rhyme: string): boolean {
  if (onset === 'qu') {
    if (/^[uo]/.test(rhyme)) return false;
    return RHYMES.has(rhyme) || RHYMES.has(`u${rhyme}`);
  }
  return RHYMES.has(rhyme);
}

/**
 * Parse a lower-case syllable by onset/rhyme/tone rules; `undefined` when it is not Vietnamese.
 * @example parseSyllable('quyết') // { onset: 'qu', rhyme: 'yêt', tone: 2 }
 */
export function parseSyllable(word: string): Syllable | undefined {
  const split = splitTone(word);
  if (!split) return undefined;
  const { toneless, tone } = split;
  for (const onset of ONSETS) {
    if (!toneless.startsWith(onset)) continue;
    const rhyme = toneless.slice(onset.length);
    if (!rhyme || !rhymeFits(onset, rhyme) || !onsetFits(onset, rhyme)) continue;
    if (tone !== 0 && tone !== 2 && tone !== 5 && STOP_CODAS.some((c) => rhyme.endsWith(c))) return undefined;
    return { onset, rhyme, tone };
  }
  return undefined;
}

/**
 * True when the word (any case) is one valid Vietnamese syllable.
 * @example isValidSyllable('hoạch') // true
 * @example isValidSyllable('hoạck') // false
 */
export function isValidSyllable(word: string): boolean {
  return parseSyllable(word.toLowerCase()) !== undefined;
}

/** The rhymes and onsets without their marks (`ương` → `uong`, `đ` → `d`), for {@link couldBeSyllable}. */
const BARE_RHYMES: ReadonlySet<string> = new Set([...RHYMES].map((r) => r.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
const BARE_ONSETS = ONSETS.map((o) => (o === 'đ' ? 'd' : o));

/**
 * Could these bare letters (any case, no marks) be a Vietnamese syllable once marked: an onset and a rhyme, each
 * with its marks left out? `usr`, `share` and `quilt` could not; `duong` (dương) and `doc` (dốc) could.
 * @example couldBeSyllable('duong') // true
 * @example couldBeSyllable('share') // false
 */
export function couldBeSyllable(letters: string): boolean {
  const lower = letters.toLowerCase();
  return BARE_ONSETS.some((o) => lower.startsWith(o) && BARE_RHYMES.has(lower.slice(o.length)));
}

/** Index, within `onset + rhyme`, of the vowel that carries the tone. */
function tonePosition(onset: string, rhyme: string, style: ToneStyle): number {
  const nucleus = (VOWELS.exec(rhyme) ?? [''])[0];
  const hasCoda = nucleus.length < rhyme.length;
  let at: number;
  let marked = -1;
  for (let i = 0; i < nucleus.length; i++) if (MARKED_VOWEL.test(nucleus[i] as string)) marked = i;
  if (marked >= 0) at = marked;
  else if (hasCoda || nucleus.length === 1) at = nucleus.length - 1;
  else if (nucleus.length === 3) at = 1;
  else at = style === 'new' && (nucleus === 'oa' || nucleus === 'oe' || nucleus === 'uy') ? 1 : 0;
  return onset.length + Math.max(at, 0);
}

/** `word` with the case of `template`, letter by letter (same length assumed). */
export function matchCase(template: string, word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const t = template[i] as string;
    const ch = word[i] as string;
    out += t !== t.toLowerCase() ? ch.toUpperCase() : ch;
  }
  return out;
}

/**
 * Write a syllable with its tone where the given convention puts it; case is kept.
 * Words that are not valid syllables come back unchanged.
 * @example setToneStyle('hòa', 'new') // 'hoà'
 * @example setToneStyle('THUỶ', 'old') // 'THỦY'
 */
export function setToneStyle(word: string, style: ToneStyle): string {
  const lower = word.toLowerCase();
  const syl = parseSyllable(lower);
  if (!syl || syl.tone === 0) return word;
  const toneless = syl.onset + syl.rhyme;
  const at = tonePosition(syl.onset, syl.rhyme, style);
  const marked = composeLetter(toneless[at] as string, syl.tone);
  if (marked === undefined) return word;
  return matchCase(word, toneless.slice(0, at) + marked + toneless.slice(at + 1));
}

/**
 * Which convention a word's tone placement shows; `undefined` when both agree.
 * @example toneStyleOf('hoà') // 'new'
 */
export function toneStyleOf(word: string): ToneStyle | undefined {
  const lower = word.toLowerCase();
  const asOld = setToneStyle(lower, 'old');
  const asNew = setToneStyle(lower, 'new');
  if (asOld === asNew) return undefined;
  if (lower === asNew) return 'new';
  return lower === asOld ? 'old' : undefined;
}

/**
 * Put a tone on a toneless syllable (with its vowel marks) following a convention.
 * @example addTone('hoa', 1, 'old') // 'hòa'
 */
export function addTone(toneless: string, tone: Tone, style: ToneStyle): string | undefined {
  const syl = parseSyllable(toneless.toLowerCase());
  if (!syl) return undefined;
  if (tone === 0) return toneless;
  const at = tonePosition(syl.onset, syl.rhyme, style);
  const marked = composeLetter(toneless[at] as string, tone);
  if (marked === undefined) return undefined;
  const out = toneless.slice(0, at) + marked + toneless.slice(at + 1);
  return parseSyllable(out.toLowerCase()) ? out : undefined;
}
