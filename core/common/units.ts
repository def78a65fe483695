/** Bytes as megabytes with one decimal (`12.3`), the way every progress line and summary shows sizes. */
export function megabytes(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}
