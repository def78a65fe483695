/**
 * What the command line says about itself: the overview (`cli`, `cli help`) and each command's help
 * (`cli <command> --help`, `cli help <command>`), with examples a teacher can copy.
 */

const RUN = 'npm run -s cli --';

interface CommandHelp {
  usage: string[];
  /** One line for the overview. */
  summary: string;
  details: string[];
  options?: [string, string][];
  examples: [string, string][];
}

const CACHE_DIR: [string, string] = [
  '--cache-dir D',
  'where the parsed library, the search index and downloaded images are kept (default: $LECTURE_READER_CACHE or the user cache folder)',
];

export const COMMANDS: Record<string, CommandHelp> = {
  check: {
    usage: ['check <folder…> [--json]'],
    summary: 'library report: counts, tags, problems (exit 1 when there are errors)',
    details: [
      'Reads every lecture in the folders and reports the counts (lectures, published, drafts), the tags with',
      'their counts and every problem with its file, line and severity (error, warning, or info: a hint such as',
      'two tags that look like one topic). Exit 0 without errors, 1 with errors.',
    ],
    options: [['--json', 'the report as JSON (articles, tags, problems)'], CACHE_DIR],
    examples: [
      ['check content', 'the bundled lectures'],
      ['check ~/bai-giang --json > report.json', 'a report for another program'],
    ],
  },
  list: {
    usage: ['list <folder…> [--json]'],
    summary: 'published lectures, newest first',
    details: ['Prints the date, title, tags and /blog/<slug> address of every published lecture, newest first.'],
    options: [['--json', 'the list as JSON'], CACHE_DIR],
    examples: [['list content', 'the bundled lectures']],
  },
  glossary: {
    usage: ['glossary <folder…> [--json]'],
    summary: 'the Vietnamese⇄English terms the lectures introduce',
    details: [
      'Prints every term pair the published lectures write ("ảo giác (hallucination)", "Data Lake - Hồ dữ liệu"),',
      'A–Z by the Vietnamese term, with where it is introduced, how many sections use it and its defining sentence.',
    ],
    options: [['--json', 'the pairs as JSON: [{ vi, en, definition, lecture, section, uses }]']],
    examples: [['glossary content', "the bundled lectures' terms"]],
  },
  search: {
    usage: ['search <folder…> "<query>" [--tag T]… [--limit N] [--json]', 'search <folder…> --queries-file F [--json]'],
    summary: 'full-text search, with or without Vietnamese diacritics',
    details: [
      'Searches the lectures as the reader does: with or without Vietnamese diacritics, best section first.',
      'The last argument is the query (quote it); everything before it is a folder.',
    ],
    options: [
      ['--tag T', 'only lectures with tag T (repeat for several tags)'],
      ['--limit N', 'at most N results (default 10)'],
      ['--queries-file F', 'one query per line of F, all answered in one process'],
      ['--json', 'results as JSON, matches in <mark>…</mark>'],
      CACHE_DIR,
    ],
    examples: [
      ['search content "ao giac"', 'finds "ảo giác" too'],
      ['search content "gradient" --tag co-ban --limit 3', 'within one tag'],
    ],
  },
  cache: {
    usage: ['cache <folder…> [--clear] [--allow-private-network]'],
    summary: 'make the library available offline: download the remote images it uses',
    details: [
      'Downloads every remote image the lectures use that no library folder holds, with a progress bar and a',
      'summary. Failures are listed and retried the next time (exit 1 when some could not be fetched).',
    ],
    options: [
      ['--clear', 'empty the image cache instead'],
      ['--allow-private-network', 'also fetch from this machine and local-network addresses (a school’s own mirror); refused by default'],
      CACHE_DIR,
    ],
    examples: [
      ['cache ~/bai-giang', 'before going offline'],
      ['cache ~/bai-giang --clear', 'free the space again'],
    ],
  },
  sync: {
    usage: ['sync <github-address>… [--data-dir D]'],
    summary: 'download a lecture repository from GitHub, or check it for updates',
    details: [
      'Downloads a lecture repository (OWNER/REPO, OWNER/REPO@branch or its GitHub URL) once, or checks it for',
      'an update (nothing is downloaded when it did not change), and prints the local folder to read offline.',
      'LECTURE_READER_ARCHIVE_BASE=http://mirror fetches the archives from a local mirror instead of GitHub.',
    ],
    options: [['--data-dir D', 'where downloaded libraries are kept (default: $LECTURE_READER_DATA or the user data folder)']],
    examples: [
      ['sync MinhHuuNguyen/data-engineer-lectures', 'the default branch'],
      ['sync https://github.com/OWNER/REPO/tree/main', 'a GitHub address as copied from the browser'],
    ],
  },
  serve: {
    usage: ['serve [folder…] [--port N] [--host H] [--drafts] [--allow-host NAME]…'],
    summary: 'serve the reader and its API over HTTP (default: the bundled lectures on 127.0.0.1:4173)',
    details: [
      'Serves the reader, read-only, to any browser; follows the folders (edits show on the next request).',
      'With --host 0.0.0.0 students on the same network can open it; the addresses and a QR code are printed.',
      'Stop it with Ctrl+C.',
    ],
    options: [
      ['--port N', 'the port to listen on (default 4173; 0 picks a free one)'],
      ['--host H', 'the address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 shares it)'],
      ['--drafts', 'serve draft lectures too (by default students never see drafts)'],
      ['--allow-host NAME', 'also answer requests addressed to NAME (repeatable); only this machine’s addresses and localhost are answered otherwise'],
      CACHE_DIR,
    ],
    examples: [
      ['serve', 'the bundled lectures on http://127.0.0.1:4173/'],
      ['serve ~/bai-giang --host 0.0.0.0 --port 8080', 'share a folder with the classroom'],
    ],
  },
  epub: {
    usage: ['epub <folder…> [--tag T]… [--lecture SLUG]… -o FILE'],
    summary: 'an e-book (EPUB 3) of the library, of some tags or of some lectures',
    details: [
      'Writes an EPUB 3 that e-book readers open (Apple Books, Google Play Books, KOReader, Thorium): a title page,',
      'a table of contents, each published lecture a chapter with its images (resized for a phone), formulas as',
      'MathML, quizzes open and links between its chapters. Images come only from the library folders and the',
      'image cache (run "cache" first to include remote ones); the others are shown as their description.',
      'Without --tag or --lecture the whole library goes in. Drafts never do.',
    ],
    options: [
      ['--tag T', 'the lectures with tag T, oldest first (repeat for several tags)'],
      ['--lecture SLUG', "the lecture /blog/SLUG (repeatable; in the order given, before the tags' lectures)"],
      ['-o, --output FILE', 'the e-book file to write (replaced whole, never left half-written)'],
      CACHE_DIR,
    ],
    examples: [
      ['epub ~/bai-giang -o bai-giang.epub', 'the whole library'],
      ['epub ~/bai-giang --tag hadoop --tag spark -o hadoop-spark.epub', 'two topics'],
      ['epub content --lecture tokenization-cat-van-ban-thanh-token -o mot-bai.epub', 'one lecture'],
    ],
  },
  export: {
    usage: ['export <folder…> <out-dir>'],
    summary: 'write the published library as a static web site (an offline web app) for any web server',
    details: [
      'Writes the built reader, one JSON file per lecture, the library list, the glossary, the search index,',
      'images and their small copies into <out-dir>: copy it to any static web server (nginx, Caddy, Apache,',
      'GitHub Pages), under any sub-path; no server code runs. Drafts are never exported. Running it again after',
      'an edit rewrites only the files that changed. <out-dir> must be empty, new, or a previous export.',
      'Needs the built reader: run "npm run -s build" once first.',
    ],
    options: [CACHE_DIR],
    examples: [
      ['export ~/bai-giang site', 'then e.g. "python3 -m http.server -d site" to try it'],
      ['export ../ai-lectures ../data-engineer-lectures /var/www/html/bai-giang', 'two folders, one site under /bai-giang/'],
    ],
  },
  help: {
    usage: ['help [command]'],
    summary: 'this overview, or one command’s help with examples',
    details: ['Every command also answers --help (or -h).'],
    examples: [['help serve', 'the same as: serve --help']],
  },
};

const column = (left: string, right: string, width: number) => `  ${left.padEnd(width)} ${right}`;

/** The help of one command, or null for a name that is no command. */
export function commandHelp(name: string): string | null {
  if (!Object.hasOwn(COMMANDS, name)) return null;
  const help = COMMANDS[name];
  const lines = [...help.usage.map((usage, i) => `${i ? '       ' : 'Usage: '}${RUN} ${usage}`), '', ...help.details];
  if (help.options) {
    const width = Math.max(...help.options.map(([option]) => option.length));
    lines.push('', 'Options:', ...help.options.map(([option, text]) => column(option, text, width)));
  }
  lines.push('', 'Examples:');
  for (const [example, text] of help.examples) lines.push(`  ${RUN} ${example}`, `      ${text}`);
  return lines.join('\n') + '\n';
}

/** The overview of every command. */
export function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((name) => name.length));
  return [
    `Usage: ${RUN} <command> [options]`,
    '',
    'Commands:',
    ...names.map((name) => column(name, COMMANDS[name].summary, width)),
    '',
    `Run "${RUN} <command> --help" (or "${RUN} help <command>") for its options and examples.`,
    '',
  ].join('\n');
}
