#!/usr/bin/env node
// A learning curve on a domain of your own, and what it says about a corpus of a given size: runs
// bench/domain.mjs with --python at each training share, prints vi-restore's and the Witten-Bell bigram's
// accuracy side by side, and reads off the curve where vi-restore stands when the bigram scores --at (default
// 93.9 %, the bigram's figure on the hidden test of issue 4), interpolating linearly between the two shares that
// bracket it. Not part of `npm run bench`: it needs a corpus, which the project does not ship.
//   npm run build && node bench/domain-curve.mjs DIR [--shares 10,30,100] [--tests N] [--at 93.9] [--background BGDIR [--alone]]
// (--background and --alone are passed on to bench/domain.mjs.)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const DOMAIN = fileURLToPath(new URL('domain.mjs', import.meta.url));

function usage(message) {
  console.error(`bench/domain-curve.mjs: ${message}\nusage: node bench/domain-curve.mjs DIR [--shares 10,30,100] [--tests N] [--at 93.9]`);
  process.exit(2);
}

/** The value after `name` in `args`, or `fallback`. */
function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}

/**
 * Where `ours` stands when `theirs` reaches `target`, reading both as straight lines between the points that
 * bracket it (points in order of share); undefined when no two points bracket it.
 * @example atTarget([{ ours: 90, theirs: 88 }, { ours: 96, theirs: 94 }], 91) // 93
 */
function atTarget(points, target) {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if ((a.theirs - target) * (b.theirs - target) > 0 || a.theirs === b.theirs) continue;
    return a.ours + ((target - a.theirs) / (b.theirs - a.theirs)) * (b.ours - a.ours);
  }
  return undefined;
}

const args = process.argv.slice(2);
const dir = args.find((a, i) => !a.startsWith('--') && !['--shares', '--tests', '--at', '--background'].includes(args[i - 1] ?? ''));
if (!dir) usage('no DIR given');
const shares = option(args, '--shares', '10,30,100').split(',').map(Number);
if (!shares.every((s) => s > 0 && s <= 100)) usage('--shares needs percentages above 0, at most 100, separated by commas');
shares.sort((a, b) => a - b);
const tests = option(args, '--tests', '5');
const target = Number(option(args, '--at', '93.9'));
if (!(target > 0 && target < 100)) usage('--at needs a percentage');
const passOn = [];
if (args.includes('--background')) passOn.push('--background', option(args, '--background', ''));
if (args.includes('--alone')) passOn.push('--alone');

const points = [];
console.log('| training share | vi-restore | Witten-Bell bigram |\n|---:|---:|---:|');
for (const share of shares) {
  const r = spawnSync(process.execPath, [DOMAIN, dir, '--share', String(share), '--tests', tests, '--python', ...passOn], {
    encoding: 'utf8',
  });
  const all = r.stdout.split('\n').find((line) => line.startsWith('| all '));
  if (r.status !== 0 || !all) {
    console.error(`bench/domain-curve.mjs: bench/domain.mjs failed at ${share} %: ${(r.stderr || '').trim().split('\n')[0]}`);
    process.exit(1);
  }
  const [ours, theirs] = all
    .split('|')
    .slice(3, 5)
    .map((cell) => Number.parseFloat(cell));
  points.push({ share, ours, theirs });
  console.log(`| ${share} % | ${ours.toFixed(2)} % | ${theirs.toFixed(2)} % |`);
}
const estimate = atTarget(points, target);
console.log(
  estimate === undefined
    ? `\nNo two shares bracket the bigram's ${target} %: add shares (--shares) on both sides of it.`
    : `\nWhere the bigram scores ${target} %, the curve puts vi-restore at ${estimate.toFixed(2)} %.`,
);
