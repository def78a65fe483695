import type { ReactNode } from 'react';

/** A link to a lecture: a real `#/blog/<slug>` address (middle-click, copy link), opened in place on click. */
export function LectureLink({
  slug,
  onOpen,
  children,
  className,
  rel,
}: {
  slug: string;
  onOpen: (slug: string) => void;
  children: ReactNode;
  className?: string;
  rel?: string;
}) {
  return (
    <a
      href={`#/blog/${encodeURIComponent(slug)}`}
      className={className}
      rel={rel}
      onClick={(event) => {
        event.preventDefault();
        onOpen(slug);
      }}
    >
      {children}
    </a>
  );
}
