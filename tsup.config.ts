import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    // No Rollup pass (treeshake: true): it rewrites `with { type: 'json' }` as the deprecated `assert`, and saved 0.1 KB.
    treeshake: false,
    platform: 'neutral',
    target: 'es2022',
    // The model and the background's counts are one file each that both formats load (see scripts/build-model.mjs and
    // scripts/build-background.mjs), copied beside them.
    external: ['./default-model.json', './background.generated.json'],
    // Keep `with { type: 'json' }` on those imports (esbuild drops it for an es2022 target; Node and browsers need it).
    esbuildOptions(options) {
      options.supported = { ...options.supported, 'import-attributes': true };
    },
    onSuccess: async () => {
      for (const file of ['default-model.json', 'background.generated.json']) copyFileSync(`src/${file}`, `dist/${file}`);
    },
  },
  {
    entry: { cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    // The CLI loads the library (and its model) from the package's own entry, not a second copy.
    external: ['vi-restore'],
  },
]);
