#!/usr/bin/env node
/**
 * The command line: `check`, `list`, and the commands later layers add. Exit codes: 0 fine, 1 problems found,
 * 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { formatVietnameseDate } from '../common/dates.js';
import { LectureLibrary } from '../library/lectureLibrary.js';

const USAGE = `Usage: npm run -s cli -- <command> [options]

Commands:
  check <folder…> [--json]     library report: counts, tags, problems (exit 1 when there are errors)
  list <folder…> [--json]      published lectures, newest first
`;

class UsageError extends Error {}

async function loadLibrary(folders: string[]): Promise<LectureLibrary> {
  if (folders.length === 0) throw new UsageError('Name at least one lecture folder.');
  const library = new LectureLibrary(folders);
  await library.load();
  return library;
}

async function check(folders: string[], json: boolean): Promise<number> {
  const library = await loadLibrary(folders);
  const overview = library.overview(true);
  const errors = library.problems.filter((problem) => problem.severity === 'error').length;
  if (json) {
    const report = {
      articles: library.lectures.map((lecture) => ({
        slug: lecture.slug,
        title: lecture.title,
        date: lecture.date ?? null,
        tags: lecture.tags,
        published: lecture.visible,
        highlight: lecture.highlight,
        file: lecture.file,
      })),
      tags: overview.tags,
      problems: library.problems.map(({ file, line, severity, message }) => ({ file, line: line ?? null, severity, message })),
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } else {
    const { counts } = overview;
    const out: string[] = [
      `Library: ${library.roots.join(', ')}`,
      `Lectures: ${counts.articles} (${counts.published} published, ${counts.drafts} drafts or untitled)`,
      `Tags: ${overview.tags.map((t) => `${t.tag} (${t.count})`).join(', ') || 'none'}`,
      `Problems: ${errors} errors, ${library.problems.length - errors} warnings`,
    ];
    for (const problem of library.problems) {
      const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
      out.push(`  ${problem.severity.padEnd(7)} ${where}: ${problem.message}`);
    }
    process.stdout.write(out.join('\n') + '\n');
  }
  return errors > 0 ? 1 : 0;
}

async function list(folders: string[], json: boolean): Promise<number> {
  const library = await loadLibrary(folders);
  const articles = library.overview(false).articles;
  if (json) {
    process.stdout.write(JSON.stringify({ articles }, null, 2) + '\n');
  } else {
    for (const article of articles) {
      process.stdout.write(`${formatVietnameseDate(article.date).padEnd(10)}  ${article.title}  [${article.tags.join(', ')}]  /blog/${article.slug}\n`);
    }
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    switch (command) {
      case 'check':
        return await check(positionals, values.json!);
      case 'list':
        return await list(positionals, values.json!);
      case undefined:
      case 'help':
      case '--help':
        process.stdout.write(USAGE);
        return command ? 0 : 2;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    process.stderr.write(`Error: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
