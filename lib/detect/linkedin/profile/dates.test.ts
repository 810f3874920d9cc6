import { describe, expect, it } from 'vitest';
import { mentionsPresent, PRESENT_WORDS, runsToPresent } from './dates';

describe('runsToPresent: a date line’s structure, in any language', () => {
  it.each([
    // Current positions: the end has no year, whatever word it is.
    ['Mar 2021 - Present · 4 yrs 9 mos', true],
    ['Jan 2022 – Present', true],
    ['März 2021 - Heute · 4 Jahre 9 Monate', true],
    ['janv. 2020 - aujourd’hui · 6 ans', true],
    ['ene. 2020 - actualidad · 2 años 1 mes', true],
    ['jul de 2024 - o momento · 9 meses', true],
    ['mag 2021 - presente · 1 anno 10 mesi', true],
    ['mei 2026 - heden · 3 mnd', true],
    ['sep. 2023 - nu · 2 år 2 mån', true],
    ['sep. 2023 - Nå · 1 år 6 måneder', true],
    ['maj 2019 - obecnie', true],
    ['září 2023 – současnost · 1 rok 10 měsíců', true],
    ['Haz 2023 - Halen · 3 ay', true],
    ['июл. 2025 г. – настоящее время · 2 мес.', true],
    ['يناير 2023 - الحالي · 3 سنوات و6 أشهر', true],
    ['Mar 2025 - Sekarang · 5 bulan', true],
    ['ม.ค. 2022 - ปัจจุบัน · 3 ปี 11 เดือน', true],
    ['2021. márc. – jelenleg', true],
    ['2025年3月 - 現在 · 5ヶ月', true],
    ['2023年1月 - 至今 · 3 年 1 个月', true],
    ['2026년 2월 - 현재 · 6개월', true],
    ['2021 - Present', true],
    ['thg 3 2021 - Hiện tại · 4 năm 9 tháng', true],
    // A word no table knows: the structure says it all the same.
    ['qim 2021 - zorblat · 4 ix 9 ox', true],
    // Ended positions: the end is a date.
    ['Jan 2015 - Feb 2021 · 6 yrs 2 mos', false],
    ['Jan. 2015 - Feb. 2021 · 6 Jahre 2 Monate', false],
    ['janv. 2015 - févr. 2021 · 6 ans 2 mois', false],
    ['jan de 2015 - fev de 2021 · 6 anos 2 meses', false],
    ['2015年1月 - 2021年2月 · 6年 2ヶ月', false],
    ['2016 – 2021', false],
    ['Jan 2020 - Mar 2020 · 3 mos', false],
    // Not date lines at all.
    ['London, England · Hybrid', undefined],
    ['Contoso Synthetic · Full-time', undefined],
    ['Principal Engineer', undefined],
    ['4 yrs 9 mos', undefined],
    ['Issued Jan 2023', undefined],
    ['Part-time · Mar 2021 - Present', undefined],
    ['', undefined],
  ])('reads %j as running to today: %s', (line, expected) => {
    expect(runsToPresent(line)).toBe(expected);
  });
});

describe('mentionsPresent: LinkedIn’s word for “present” after a dash, in its languages', () => {
  it.each(PRESENT_WORDS.map((word) => [word] as const))('knows %j', (word) => {
    expect(mentionsPresent(`Acme · Full-time · Mar 2021 - ${word} · 4 yrs`)).toBe(true);
    expect(mentionsPresent(`Acme · Mar 2021 – ${word.toUpperCase()}`)).toBe(true);
  });

  it.each([
    ['the English screen-reader copy', 'Mar 2021 to Present · 4 yrs 9 mos', true],
    ['text run together after the word', 'Mar 2021 - PresentLondon, England', true],
    ['the word inside a longer one', 'Acme - Presentations team', false],
    ['the word without a dash before it', 'Present at Acme since 2021', false],
    ['an ended range', 'Jan 2015 - Feb 2021', false],
    ['a Swedish word that only starts like “nu”', 'Acme - nuvarande kontor', false],
  ])('on %s (%j): %s', (_what, text, expected) => {
    expect(mentionsPresent(text)).toBe(expected);
  });
});
