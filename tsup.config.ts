import { copyFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    treeshake: true,
    platform: 'neutral',
    target: 'es2022',
    // The model and the background's counts are one file each that both formats load (see scripts/build-model.mjs and
    // scripts/build-background.mjs), copied beside them.
    external: ['./default-model.cjs', './background.generated.cjs'],
    onSuccess: async () => {
      for (const file of ['default-model.cjs', 'background.generated.cjs']) copyFileSync(`src/${file}`, `dist/${file}`);
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
