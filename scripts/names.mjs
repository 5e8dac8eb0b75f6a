#!/usr/bin/env node
// Writes data/background/names.txt: 400 different Vietnamese full names (surname, middle name, given name), one a
// line, drawn with a fixed seed from the lists below (surnames weighted by their rough national shares; middle
// and given names by sex), so that the general background knows how names go (`Nguyễn Văn An`, not `Nguyên Văn`).
// The lists are common knowledge written for this project; no source was copied. Deterministic: run it again
// and the file is the same. Then: node scripts/clean-general.mjs && node scripts/build-background.mjs && npm run model
import { writeFileSync } from 'node:fs';

const COUNT = 400;
/** Surnames with rough shares of the population (%). */
const SURNAMES = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 3],
  ['Huỳnh', 2],
  ['Phan', 4.5],
  ['Vũ', 2],
  ['Võ', 2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.6],
  ['Đào', 0.5],
  ['Trương', 0.5],
  ['Lương', 0.4],
  ['Mai', 0.4],
  ['Tô', 0.3],
  ['Hà', 0.3],
  ['Tạ', 0.3],
  ['Cao', 0.3],
  ['Lâm', 0.3],
  ['Trịnh', 0.3],
  ['Quách', 0.2],
  ['Chu', 0.2],
  ['Kiều', 0.2],
];
const MIDDLE = {
  male: [
    ['Văn', 40],
    ['Hữu', 8],
    ['Đức', 8],
    ['Minh', 8],
    ['Quang', 6],
    ['Thanh', 5],
    ['Công', 5],
    ['Xuân', 4],
    ['Quốc', 4],
    ['Tiến', 3],
    ['Ngọc', 3],
    ['Hoàng', 3],
    ['Trọng', 3],
  ],
  female: [
    ['Thị', 50],
    ['Ngọc', 8],
    ['Thu', 6],
    ['Thanh', 6],
    ['Minh', 5],
    ['Kim', 5],
    ['Hồng', 4],
    ['Phương', 4],
    ['Bích', 3],
    ['Hải', 3],
    ['Mỹ', 3],
  ],
};
const GIVEN = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Định',
    'Đông',
    'Giang',
    'Hải',
    'Hiếu',
    'Hòa',
    'Hoàng',
    'Hùng',
    'Huy',
    'Khánh',
    'Khoa',
    'Kiên',
    'Lâm',
    'Long',
    'Lộc',
    'Lực',
    'Minh',
    'Nam',
    'Nghĩa',
    'Phong',
    'Phúc',
    'Quân',
    'Quang',
    'Sơn',
    'Tài',
    'Tâm',
    'Thắng',
    'Thành',
    'Thịnh',
    'Toàn',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
  ],
  female: [
    'Anh',
    'Bích',
    'Chi',
    'Dung',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hiền',
    'Hoa',
    'Hồng',
    'Huệ',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Ly',
    'Mai',
    'Nga',
    'Ngân',
    'Ngọc',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Tâm',
    'Thảo',
    'Thu',
    'Thúy',
    'Thủy',
    'Trang',
    'Tuyết',
    'Vân',
    'Yến',
  ],
};

/** A seeded linear congruential generator (Numerical Recipes' constants), so that the list is the same on every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 4294967296;
  };
}
const next = random(20261124);
const pick = (items) => items[Math.floor(next() * items.length)];
const weighted = (pairs) => {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = next() * total;
  for (const [item, w] of pairs) {
    r -= w;
    if (r < 0) return item;
  }
  return pairs[pairs.length - 1][0];
};
const names = new Set();
while (names.size < COUNT) {
  const sex = next() < 0.5 ? 'male' : 'female';
  names.add(`${weighted(SURNAMES)} ${weighted(MIDDLE[sex])} ${pick(GIVEN[sex])}`);
}
writeFileSync(new URL('../data/background/names.txt', import.meta.url), `${[...names].join('\n')}\n`);
console.log(`${names.size} names written to data/background/names.txt`);
