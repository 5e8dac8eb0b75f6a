/**
 * The package as a user gets it: `npm pack`, install the tarball into an empty folder (offline), then use it
 * from ESM, CommonJS, TypeScript and the command line; bundle it for the browser; lint it with publint and
 * arethetypeswrong. Uses the build in dist/ (`npm test` builds it first in `pretest`).
 */
import { type SpawnSyncOptions, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_ENTRY = join(ROOT, 'dist', 'index.js');
const BIN = join(ROOT, 'node_modules', '.bin');
const TIMEOUT = 120_000;
const WIN = process.platform === 'win32';

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { encoding: 'utf8', timeout: TIMEOUT, shell: WIN, ...options }) as SpawnSyncReturns<string>;
}

/** The whole story of a failed command, for the assertion message. */
const explain = (r: SpawnSyncReturns<string>) => `exit ${r.status}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}\n${r.stderr}`;

let tmp = '';
let tarball = '';
let app = '';

beforeAll(() => {
  for (const file of ['index.js', 'index.cjs', 'index.d.ts', 'cli.js']) {
    if (!existsSync(join(ROOT, 'dist', file))) throw new Error(`dist/${file} is missing: run \`npm run build\` first`);
  }
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'vi-restore-pkg-')));
  const packed = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
  expect(packed.status, explain(packed)).toBe(0);
  const name = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!name) throw new Error(`npm pack wrote no tarball\n${explain(packed)}`);
  tarball = join(tmp, name);

  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'vi-restore-smoke', version: '0.0.0', private: true }));
  const install = (mode: string) => run('npm', ['install', mode, '--no-audit', '--no-fund', '--no-package-lock', tarball], { cwd: app });
  let installed = install('--offline');
  // --offline needs the runtime dependencies in the npm cache (`npm ci` puts them there); fall back to the registry.
  if (installed.status !== 0) {
    console.warn(`npm install --offline failed, retrying with --prefer-offline:\n${installed.stderr}`);
    installed = install('--prefer-offline');
  }
  expect(installed.status, explain(installed)).toBe(0);
}, TIMEOUT);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed tarball, installed', { timeout: TIMEOUT }, () => {
  const node = (file: string, source: string) => {
    writeFileSync(join(app, file), source);
    return run(process.execPath, [file], { cwd: app });
  };

  it('holds only dist/, package.json, README and no sources or tests', () => {
    const listed = run('tar', ['-tzf', tarball]);
    expect(listed.status, explain(listed)).toBe(0);
    const files = listed.stdout.trim().split('\n');
    expect(files).toContain('package/package.json');
    expect(files).toContain('package/dist/index.js');
    expect(files).toContain('package/dist/index.cjs');
    expect(files).toContain('package/dist/index.d.ts');
    expect(files).toContain('package/dist/index.d.cts');
    expect(files.filter((f) => /^package\/(src|test|data|bench|scripts)\//.test(f))).toEqual([]);
  });

  it('imports from ESM', () => {
    const r = node(
      'use.mjs',
      `import { restore } from 'vi-restore';
console.log(JSON.stringify({ out: restore('nam 2024'), from: import.meta.resolve('vi-restore') }));`,
    );
    expect(r.status, explain(r)).toBe(0);
    const { out, from } = JSON.parse(r.stdout);
    expect(out).toBe('năm 2024');
    expect(fileURLToPath(from)).toBe(join(app, 'node_modules', 'vi-restore', 'dist', 'index.js'));
  });

  it('requires from CommonJS', () => {
    const r = node(
      'use.cjs',
      `const { restore } = require('vi-restore');
console.log(JSON.stringify({ out: restore('nam 2024'), from: require.resolve('vi-restore') }));`,
    );
    expect(r.status, explain(r)).toBe(0);
    const { out, from } = JSON.parse(r.stdout);
    expect(out).toBe('năm 2024');
    expect(from).toBe(join(app, 'node_modules', 'vi-restore', 'dist', 'index.cjs'));
  });

  it('carries the background counts that train uses, one file for both formats', () => {
    const listed = run('tar', ['-tzf', tarball]);
    expect(listed.stdout.split('\n')).toContain('package/dist/background.generated.json');
    const source = (load: string) => `${load}
const counts = backgroundCounts();
console.log(JSON.stringify({ pair: counts.get('hội đồng'), size: counts.size }));`;
    const esm = node('bg.mjs', source("import { backgroundCounts } from 'vi-restore';"));
    const cjs = node('bg.cjs', source("const { backgroundCounts } = require('vi-restore');"));
    expect(esm.status, explain(esm)).toBe(0);
    expect(cjs.status, explain(cjs)).toBe(0);
    const seen = JSON.parse(esm.stdout);
    expect(seen.pair).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(10_000);
    expect(JSON.parse(cjs.stdout)).toEqual(seen);
  });

  it('has an ESM build a browser loads with no bundler: its imports are JSON modules, with their attribute', () => {
    // A CommonJS data file (as the model was) fails there: no `module`, and a MIME type a module script may not have.
    const source = readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8');
    const imports = [...source.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]\s*([^;\n]*)/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(imports.sort()).toEqual(['./background.generated.json with { type: "json" }', './default-model.json with { type: "json" }']);
    const listed = run('tar', ['-tzf', tarball]).stdout.split('\n');
    expect(listed).toContain('package/dist/default-model.json');
  });

  it('has types that resolve under module nodenext, from ESM and from CommonJS', () => {
    const source = `import { restore, restoreDetailed, type RestoredToken } from 'vi-restore';
const out: string = restore('nam 2024', { ocr: false, toneStyle: 'new' });
const tokens: RestoredToken[] = restoreDetailed(out);
const first: number | undefined = tokens[0]?.confidence;
// @ts-expect-error the text must be a string
restore(42);
// @ts-expect-error no such option
restore('nam', { ocr: 'yes' });
export { first };
`;
    writeFileSync(join(app, 'check.mts'), source);
    writeFileSync(join(app, 'check.cts'), source);
    const tsc = join(BIN, 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'];
    const r = run(tsc, [...args, '--traceResolution', 'check.mts', 'check.cts'], { cwd: app });
    expect(r.status, explain(r)).toBe(0);
    // Each flavour found its own declaration file in the installed package.
    expect(r.stdout).toMatch(/'vi-restore' was successfully resolved to '[^']*node_modules\/vi-restore\/dist\/index\.d\.ts'/);
    expect(r.stdout).toMatch(/'vi-restore' was successfully resolved to '[^']*node_modules\/vi-restore\/dist\/index\.d\.cts'/);
  });

  it('runs the vi-restore bin on standard input', () => {
    const r = run(join(app, 'node_modules', '.bin', WIN ? 'vi-restore.cmd' : 'vi-restore'), [], { cwd: app, input: 'nam 2024' });
    expect(r.status, explain(r)).toBe(0);
    expect(r.stdout).toBe('năm 2024');
  });

  it('passes publint (warnings count as errors)', () => {
    const r = run(join(BIN, 'publint'), ['run', tarball, '--strict'], { cwd: tmp });
    expect(r.status, explain(r)).toBe(0);
    expect(r.stdout).not.toMatch(/Errors:|Warnings:/);
  });

  it('passes arethetypeswrong (strict profile: node10, node16 from CJS and ESM, bundler)', () => {
    const r = run(join(BIN, 'attw'), [tarball, '--format', 'json'], { cwd: tmp });
    const report = JSON.parse(r.stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } };
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints)).toContain('.');
    expect(r.status, explain(r)).toBe(0);
  });
});

describe('bundling dist/index.js for the browser', { timeout: TIMEOUT }, () => {
  /** Bundle `code` (or, given `entry`, that file: the package says sideEffects: false, so a bare `import 'x'` would be dropped). */
  const bundle = async (code: string, entry?: string) => {
    const result = await build({
      ...(entry ? { entryPoints: [entry] } : { stdin: { contents: code, resolveDir: ROOT, sourcefile: 'entry.js', loader: 'js' } }),
      bundle: true,
      minify: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
    });
    const out = result.outputFiles[0];
    if (!out) throw new Error('esbuild wrote nothing');
    return { errors: result.errors, warnings: result.warnings, text: out.text, bytes: out.contents.byteLength };
  };

  it('tree-shakes the model away when only stripDiacritics is used (< 10 KB)', async () => {
    const { errors, text, bytes } = await bundle(`import { stripDiacritics } from ${JSON.stringify(DIST_ENTRY)};
console.log(stripDiacritics('Đà'));`);
    expect(errors).toEqual([]);
    expect(bytes).toBeLessThan(10 * 1024);
    console.log(`stripDiacritics-only bundle: ${bytes} bytes`);
    // The bundle still works: run it with a console that records.
    const printed: unknown[] = [];
    new Function('console', text)({ log: (x: unknown) => printed.push(x) });
    expect(printed).toEqual(['Da']);
  });

  it('bundles restore with no errors and no Node built-ins', async () => {
    const { errors, warnings, text, bytes } = await bundle(`import { restore } from ${JSON.stringify(DIST_ENTRY)};
console.log(restore('nam 2024'));`);
    console.log(`restore bundle: ${bytes} bytes`);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(text).not.toMatch(/["'`]node:/);
    expect(text).not.toMatch(/\brequire\s*\(/);
    expect(text).not.toMatch(/from\s*["'`](fs|path|os|url|module|worker_threads|child_process)["'`]/);
    const printed: unknown[] = [];
    new Function('console', text)({ log: (x: unknown) => printed.push(x) });
    expect(printed).toEqual(['năm 2024']);
  });

  it('bundles examples/browser.mjs, whose page restores the textarea (stub DOM)', async () => {
    const { errors, text } = await bundle('', join(ROOT, 'examples', 'browser.mjs'));
    expect(errors).toEqual([]);
    const elements: Record<string, { value?: string; checked?: boolean; disabled?: boolean; textContent?: string; click?: () => void }> = {
      '#input': { value: 'Tinh hinh thuc hien ke hoach nam 2023' },
      '#output': { value: '' },
      '#ocr': { checked: false },
      '#status': { textContent: '' },
      '#restore': { disabled: true },
    };
    const button = elements['#restore']!;
    Object.assign(button, { addEventListener: (_type: string, fn: () => void) => (button.click = fn) });
    new Function('document', text)({ querySelector: (sel: string) => elements[sel] });
    expect(button.disabled).toBe(false);
    button.click?.();
    expect(elements['#output']?.value).toBe('Tình hình thực hiện kế hoạch năm 2023');
    expect(elements['#status']?.textContent).toMatch(/\d+ ms/);
  });
});
