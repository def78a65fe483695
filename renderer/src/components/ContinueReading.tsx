import type { LectureSummary } from '../../../core/common/api.js';
import type { Strings } from '../i18n.js';
import { progressState, recentSlugs } from '../reading/progress.js';
import { useReading } from '../reading/ReadingContext.js';

const SHOWN = 4;

/** The home page's "Đọc tiếp" row: lectures begun and not finished, each reopened where the student left it. */
export function ContinueReading({
  articles,
  strings,
  onResume,
}: {
  articles: LectureSummary[];
  strings: Strings;
  onResume: (slug: string, position: number) => void;
}) {
  const { data } = useReading();
  const bySlug = new Map(articles.map((article) => [article.slug, article]));
  const slugs = recentSlugs(data, SHOWN, (slug) => bySlug.has(slug) && progressState(data.progress[slug]) === 'reading');
  if (slugs.length === 0) return null;
  return (
    <section className="continue-reading" aria-labelledby="continue-heading">
      <h2 id="continue-heading">{strings.continueReading}</h2>
      <ul>
        {slugs.map((slug) => {
          const progress = data.progress[slug];
          const percent = Math.round(progress.furthest * 100);
          return (
            <li key={slug}>
              <a
                href={`#/blog/${encodeURIComponent(slug)}`}
                onClick={(event) => {
                  event.preventDefault();
                  onResume(slug, progress.position);
                }}
              >
                <span className="continue-title">{bySlug.get(slug)!.title}</span>
                <span className="continue-bar" aria-hidden="true">
                  <span style={{ width: `${percent}%` }} />
                </span>
                <small>{strings.readPercent(percent)}</small>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
