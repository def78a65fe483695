import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatVietnameseDate, parseLectureDate } from '../../core/common/dates.js';
import { classifyLink } from '../../core/common/links.js';
import { slugify } from '../../core/common/slug.js';
import { exactWord, foldWord, hasDiacritics, normalizeText, words } from '../../core/common/vietnamese.js';

test('slugs reproduce the site links', () => {
  assert.equal(slugify('Giới thiệu chung về Big Data'), 'gioi-thieu-chung-ve-big-data');
  assert.equal(slugify('Hệ thống tệp phân tán Hadoop Distributed File System (HDFS)'), 'he-thong-tep-phan-tan-hadoop-distributed-file-system-hdfs');
  assert.equal(slugify('Đạo đức AI và thiên kiến dữ liệu'), 'dao-duc-ai-va-thien-kien-du-lieu');
  assert.equal(slugify('[SERIES] Big Data cơ bản'), 'series-big-data-co-ban');
  assert.equal(slugify('  --C++ & Python!--  '), 'c-python');
  assert.equal(slugify('Giới thiệu'.normalize('NFD')), 'gioi-thieu');
  assert.equal(slugify(''), '');
});

test('dates: MM/DD/YYYY and ISO, impossible dates refused', () => {
  assert.equal(parseLectureDate('09/24/2022'), '2022-09-24');
  assert.equal(parseLectureDate('1/5/2023'), '2023-01-05');
  assert.equal(parseLectureDate('2023-04-17'), '2023-04-17');
  assert.equal(parseLectureDate(new Date('2023-04-17T00:00:00Z')), '2023-04-17');
  assert.equal(parseLectureDate('13/01/2023'), undefined);
  assert.equal(parseLectureDate('02/30/2023'), undefined);
  assert.equal(parseLectureDate('yesterday'), undefined);
  assert.equal(parseLectureDate(20230101), undefined);
  assert.equal(formatVietnameseDate('2022-09-24'), '24/09/2022');
});

test('NFD text normalizes to NFC, BOM and CRLF removed', () => {
  const nfd = '\uFEFFẢo giác\r\nhệ thống'.normalize('NFD');
  assert.equal(normalizeText(nfd), 'Ảo giác\nhệ thống');
  assert.deepEqual(words('Ảo giác'.normalize('NFD')), ['Ảo', 'giác']);
});

test('folding: diacritics and đ removed, letters never merged', () => {
  assert.equal(foldWord('Ảo'), 'ao');
  assert.equal(foldWord('ĐƯỜNG'), 'duong');
  assert.equal(foldWord('giác'.normalize('NFD')), 'giac');
  assert.notEqual(foldWord('xoong'), foldWord('xong'));
  assert.ok(hasDiacritics('ảo giác'));
  assert.ok(hasDiacritics('đi'));
  assert.ok(!hasDiacritics('ao giac'));
});

test('exact form: old and new tone placement are one word, different tones are not', () => {
  assert.equal(exactWord('hoá'), exactWord('hóa'));
  assert.equal(exactWord('khoá'), exactWord('khóa'));
  assert.equal(exactWord('thuỷ'), exactWord('thủy'));
  assert.equal(exactWord('Hóa'.normalize('NFD')), exactWord('hóa'));
  assert.notEqual(exactWord('thông'), exactWord('thống'));
  assert.notEqual(exactWord('hồ'), exactWord('hỗ'));
  assert.equal(exactWord('Kafka'), 'kafka');
});

test('words keep C++ and C#, split k-means', () => {
  assert.deepEqual(words('C++ và C# hay k-means?'), ['C++', 'và', 'C#', 'hay', 'k', 'means']);
});

test('link classification', () => {
  assert.deepEqual(classifyLink('/blog/gioi-thieu'), { kind: 'internal', slug: 'gioi-thieu', anchor: undefined });
  assert.deepEqual(classifyLink('/blog/gioi-thieu/'), { kind: 'internal', slug: 'gioi-thieu', anchor: undefined });
  assert.deepEqual(classifyLink('/blog/gioi-thieu#phan-2'), { kind: 'internal', slug: 'gioi-thieu', anchor: 'phan-2' });
  assert.deepEqual(classifyLink('/blog/gioi-thieu/#phan-2'), { kind: 'internal', slug: 'gioi-thieu', anchor: 'phan-2' });
  assert.equal(classifyLink('https://example.com/x').kind, 'external');
  assert.equal(classifyLink('HTTP://EXAMPLE.COM').kind, 'external');
  assert.equal(classifyLink('#muc-1').kind, 'anchor');
  assert.equal(classifyLink('javascript:alert(1)').kind, 'other');
  assert.equal(classifyLink('/blog/').kind, 'other');
});
