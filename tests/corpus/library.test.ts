import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';
import { CORPUS } from '../helpers/tempLibrary.js';

const DATA_ENGINEER = path.join(CORPUS, 'data-engineer-lectures');
const skip = existsSync(DATA_ENGINEER) ? false : `the real corpus is not at ${CORPUS}`;

test('real corpus: data-engineer-lectures has 17 published and 19 drafts, slugs and dates right', { skip }, () => {
  const { code, stdout } = runCli(['check', DATA_ENGINEER, '--json']);
  assert.equal(code, 0, 'warnings only, no errors');
  const report = JSON.parse(stdout);
  const published = report.articles.filter((a: { published: boolean }) => a.published);
  assert.equal(published.length, 17);
  assert.equal(report.articles.length - published.length, 19);
  const hdfs = report.articles.find((a: { slug: string }) => a.slug === 'he-thong-tep-phan-tan-hadoop-distributed-file-system-hdfs');
  assert.equal(hdfs.date, '2022-10-18');
  assert.equal(hdfs.file, '3_hadoop_ecosystem/markdown/2-hdfs.md');
  assert.ok(report.articles.some((a: { slug: string; date: string }) => a.slug === 'gioi-thieu-chung-ve-big-data' && a.date === '2022-09-09'));
  assert.ok(report.problems.some((p: { file: string; message: string }) => p.file === 'README.md' && /no front matter/.test(p.message)));
  // Empty-title drafts are listed, each with its own slug.
  const slugs = new Set(report.articles.map((a: { slug: string }) => a.slug));
  assert.equal(slugs.size, report.articles.length);
});

test('real corpus: every published lecture lists newest first', { skip }, () => {
  const { stdout } = runCli(['list', DATA_ENGINEER, '--json']);
  const articles = JSON.parse(stdout).articles;
  assert.equal(articles.length, 17);
  assert.equal(articles[0].slug, 'tri-tue-nhan-tao-tren-databricks');
});
