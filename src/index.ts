export {
  createRestorer,
  defaultModel,
  type RestoredToken,
  type RestoreOptions,
  type Restorer,
  restore,
  restoreDetailed,
} from './api.js';
export { LEARNT_CHANNEL } from './candidates/channel.generated.js';
export { type Channel, PRIOR_CHANNEL } from './candidates/channel.js';
export { loadModel, type Model, serializeModel } from './model/index.js';
export { baseLetter, composeLetter, decomposeLetter, type Tone } from './orthography/letters.js';
export {
  addTone,
  isValidSyllable,
  parseSyllable,
  setToneStyle,
  type ToneStyle,
  toneStyleOf,
} from './orthography/syllable.js';
export { stripDiacritics } from './strip.js';
export { type Token, type TokenKind, tokenize } from './tokenize/index.js';
export { backgroundCounts, wordCounts } from './train/background.js';
export { learnChannel, pairWords } from './train/channel.js';
export { type TrainOptions, train } from './train/index.js';
