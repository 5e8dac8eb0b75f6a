/**
 * The built-in background's counts as text, from the one file both module formats load (`background.generated.cjs`,
 * beside `index.js` and `index.cjs` in dist/, as the model is), read by `train/background.ts`. Imported here, at the
 * top of src/, so that the path is the same from the sources and from dist/.
 */
export { default as BACKGROUND_TEXT } from './background.generated.cjs';
