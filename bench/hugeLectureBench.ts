/**
 * `npm run bench:huge`: does a huge lecture freeze the reader? Lectures made here (a 1.8 MB code block, a
 * 20,000-column table, a lecture of 2,000 formulas, a long ordinary one, and a short one for comparison) are opened in real Chromium
 * against the real `serve`; for each: time from navigation to its title on screen, and the longest task that
 * blocked the page (a long-task observer, wall time) until the page is quiet, and the most CPU time one task took (traced).
 * Figures only, no pass or fail.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { startServeProcess } from '../scripts/serveProcess.js';
import { lecture, makeLibrary } from '../tests/helpers/tempLibrary.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const codeLine = (i: number) => `    gia_tri_${i} = tinh_toan(du_lieu[${i}], he_so=${i % 97}) + ${i * 3}  # dòng ${i}`;
const code = Array.from({ length: 24_000 }, (_, i) => codeLine(i)).join('\n');
const columns = 20_000;
const table = [
  `| ${Array.from({ length: columns }, (_, i) => `c${i}`).join(' | ')} |`,
  `| ${Array.from({ length: columns }, () => '---').join(' | ')} |`,
  `| ${Array.from({ length: columns }, (_, i) => String(i)).join(' | ')} |`,
].join('\n');
const formulas = Array.from(
  { length: 2000 },
  (_, i) => `Công thức số ${i}: $\\frac{x_{${i}}}{\\sqrt{1 + \\alpha^2}}$ và\n\n$$\n\\sum_{k=1}^{${i}} w_k x_k + b\n$$\n`,
).join('\n');
const prose = Array.from({ length: 3000 }, (_, i) => `## Phần ${i}\n\nĐoạn văn thứ ${i} nói về mô hình, dữ liệu và **cách huấn luyện** với \`numpy\`.\n`).join(
  '\n',
);

const LECTURES = {
  // For comparison: an ordinary lecture, opened the same way.
  'bai-ngan': { title: 'Bài ngắn', body: `Mở đầu về $x^2$.\n\n## Phần một\n\nVài câu.\n\nKết thúc.\n` },
  'ma-nguon-1-8-mb': { title: 'Mã nguồn 1,8 MB', body: `Mở đầu.\n\n\`\`\`python\n${code}\n\`\`\`\n\nKết thúc.\n` },
  'bang-20000-cot': { title: 'Bảng 20000 cột', body: `Mở đầu.\n\n${table}\n\nKết thúc.\n` },
  'hai-nghin-cong-thuc': { title: 'Hai nghìn công thức', body: formulas },
  'ba-nghin-muc': { title: 'Ba nghìn mục', body: prose },
};

/**
 * The page's main thread traced from now on; then the most CPU time one of its tasks took. On a machine shared
 * with other work, a task's wall time (what the long-task observer reports) includes the time its thread waited
 * for a core; its CPU time is the work the page itself did.
 */
async function traceMainThread(page: Page) {
  const session = await page.context().newCDPSession(page);
  const events: { name: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }[] = [];
  session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as typeof events)));
  await session.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  return {
    async longestTaskCpuMs(): Promise<number> {
      const complete = new Promise((resolve) => session.once('Tracing.tracingComplete', resolve));
      await session.send('Tracing.end');
      await complete;
      const tasks = events.filter((event) => event.name === 'RunTask');
      // The page's main thread: the renderer main thread that ran the most tasks.
      const mains = events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain');
      const busiest = mains.sort((a, b) => tasks.filter((t) => t.tid === b.tid).length - tasks.filter((t) => t.tid === a.tid).length)[0];
      return Math.max(0, ...tasks.filter((t) => busiest && t.pid === busiest.pid && t.tid === busiest.tid).map((t) => (t.tdur ?? 0) / 1000));
    },
  };
}

async function main() {
  if (!existsSync(CHROMIUM)) return console.log(`skip: needs ${CHROMIUM}`);
  const library = makeLibrary(
    Object.fromEntries(Object.entries(LECTURES).map(([slug, { title, body }]) => [`${slug}.md`, lecture({ time: '01/01/2024', title }, body)])),
  );
  const server = await startServeProcess([library.root], undefined, [], undefined, 120_000);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const listed = ((await (await fetch(`${server.url}api/library`)).json()) as { articles: { slug: string }[] }).articles.map((item) => item.slug);
    for (const [slug, { title, body }] of Object.entries(LECTURES)) {
      // A lecture the library could not parse in time (PARSE_TIME_LIMIT_MS) is not shown at all: nothing to time.
      if (!listed.includes(slug)) {
        console.log(`${slug.padEnd(18)} not in the library (parsing it took longer than the limit)`);
        continue;
      }
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
      await context.addInitScript(() => {
        const tasks: number[] = [];
        (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
        new PerformanceObserver((list) =>
          list
            .getEntries()
            .forEach(
              (entry) =>
                tasks.push(entry.duration) &&
                ((window as unknown as { __starts: string[] }).__starts ??= []).push(`${Math.round(entry.startTime)}+${Math.round(entry.duration)}`),
            ),
        ).observe({ type: 'longtask', buffered: true });
        // The reader marks the body busy until its last step is on the page: when it stops being busy. (Not a
        // Playwright locator: its engine walks the huge page again and again, on the page's own thread, and
        // would time itself.)
        new MutationObserver((records) => {
          if (records.some((record) => (record.target as Element).matches('.markdown-body[aria-busy="false"]')))
            (window as unknown as { __bodyDone: number }).__bodyDone ??= performance.now();
        }).observe(document, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
      });
      const page = await context.newPage();
      const trace = await traceMainThread(page);
      await page.goto(`${server.url}#/blog/${slug}`);
      // The title as the list knows it, shown at once, or the lecture's own heading.
      await page.locator('.lecture-pending-title:visible, .reader h1:visible').filter({ hasText: title }).first().waitFor({ timeout: 180_000 });
      const titleMs = await page.evaluate(() => performance.now());
      const bodyMs = (await (
        await page.waitForFunction(() => (window as unknown as { __bodyDone?: number }).__bodyDone, null, { polling: 250, timeout: 180_000 })
      ).jsonValue()) as number;
      if (!(await page.evaluate(() => /Kết thúc\.|Công thức số 1999|Đoạn văn thứ 2999/.test(document.querySelector('.markdown-body')!.textContent!))))
        throw new Error(`${slug}: the end of the lecture is not on the page`);
      await page.waitForTimeout(1500);
      const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      const longest = Math.max(0, ...tasks);
      const cpu = await trace.longestTaskCpuMs();
      if (process.env.BENCH_DEBUG) console.log(await page.evaluate(() => (window as unknown as { __starts: string[] }).__starts));
      console.log(
        `${slug.padEnd(18)} ${(body.length / 1e6).toFixed(2)} MB  title ${Math.round(titleMs)} ms  body ${Math.round(bodyMs)} ms  ` +
          `long tasks ${tasks.length}, longest ${Math.round(longest)} ms, over 200 ms: ${tasks.filter((t) => t > 200).length}; ` +
          `most CPU time in one task ${Math.round(cpu)} ms`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    library.cleanup();
  }
}

await main();
