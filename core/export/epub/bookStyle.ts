/**
 * The book's stylesheet: light, short, and overridable — e-readers apply their own fonts, sizes and night modes,
 * so the book sets none of those; it lays out what they would not know (formulas, code, quizzes, placeholders) and
 * keeps the reader's syntax colours (highlight.js class names) readable on white and on sepia.
 */
export const BOOK_CSS = `@charset "UTF-8";
body { margin: 0 0.5em; line-height: 1.5; }
h1, h2, h3, h4 { line-height: 1.25; page-break-after: avoid; break-after: avoid; }
.chapter-title { margin-top: 0; }
.about, .date, .scope { color: #555; }
.title-page { text-align: center; margin-top: 20%; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
th, td { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; }
blockquote { margin: 1em 0; padding-left: 0.8em; border-left: 3px solid #bbb; }
pre { white-space: pre-wrap; word-wrap: break-word; font-size: 0.85em; line-height: 1.35; background: #f5f5f5; border: 1px solid #ddd; padding: 0.5em; page-break-inside: auto; }
code { font-family: monospace; }
:not(pre) > code { background: #f0f0f0; padding: 0 0.15em; }
.formula { margin: 0.8em 0; text-align: center; overflow-x: auto; }
.details { margin: 1em 0; padding: 0.4em 0.8em; border: 1px solid #bbb; border-left: 4px solid #888; }
.details-summary { font-weight: bold; margin: 0.2em 0; }
.details-summary::before { content: "▸ "; }
.details-body > :first-child { margin-top: 0.3em; }
.image-placeholder { display: inline-block; padding: 0.3em 0.6em; border: 1px dashed #999; color: #555; font-style: italic; }
.align-left { text-align: left; } .align-center { text-align: center; } .align-right { text-align: right; } .align-justify { text-align: justify; }
.float-left { float: left; margin: 0 1em 0.5em 0; } .float-right { float: right; margin: 0 0 0.5em 1em; } .clear-both { clear: both; }
.footnotes { font-size: 0.9em; border-top: 1px solid #ccc; margin-top: 2em; }
.footnotes-title { font-size: 1em; }
.hljs-comment, .hljs-quote { color: #6a737d; }
.hljs-keyword, .hljs-selector-tag, .hljs-type, .hljs-built_in { color: #a626a4; }
.hljs-string, .hljs-regexp, .hljs-addition { color: #22863a; }
.hljs-number, .hljs-literal, .hljs-symbol, .hljs-bullet { color: #b45309; }
.hljs-title, .hljs-section, .hljs-function .hljs-title { color: #005cc5; }
.hljs-attr, .hljs-attribute, .hljs-variable, .hljs-template-variable, .hljs-params { color: #b31d28; }
.hljs-meta, .hljs-deletion { color: #7a3e9d; }
`;
