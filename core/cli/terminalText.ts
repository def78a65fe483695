/**
 * Text from a library (titles, tags, file names, problem messages, URLs) made safe to print on a terminal:
 * every control character but newline and tab becomes U+FFFD, so a lecture cannot set the terminal's title,
 * write the clipboard (OSC 52), clear the screen or move the cursor over its own errors. JSON output is not
 * passed through this: it stays exact, with controls escaped by JSON itself.
 */
const CONTROL = /[^\P{Cc}\n\t]/gu;

export function terminalText(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}
