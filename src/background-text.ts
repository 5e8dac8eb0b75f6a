import BACKGROUND_TEXT from './background.generated.json' with { type: 'json' };

/**
 * The built-in background's counts as text (`words`: "word:count" separated by commas, commonest first; `pairs`:
 * "first=second.second:count", base-36 indices into `words`, a count of 1 unwritten), read by `train/background.ts`.
 * From the one JSON file both module formats load (`background.generated.json`, beside `index.js` and `index.cjs` in
 * dist/, as the model is); imported here, at the top of src/, so that the path is the same from the sources and dist/.
 */
export { BACKGROUND_TEXT };
