// placeholder: replaced by scripts/build-model.mjs
export const DEFAULT_MODEL = '';
