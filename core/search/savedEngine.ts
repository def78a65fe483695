/**
 * The byte layout of a saved search index: a JSON head (what is small and structured) and a binary body (the
 * posting lists), as `[head length, 4 bytes little-endian][head, UTF-8][body]`. Plain web APIs only, so a
 * browser loads the same bytes as Node.
 */

export function packSaved(head: unknown, body: Uint8Array): Uint8Array {
  const headBytes = new TextEncoder().encode(JSON.stringify(head));
  const bytes = new Uint8Array(4 + headBytes.length + body.length);
  new DataView(bytes.buffer).setUint32(0, headBytes.length, true);
  bytes.set(headBytes, 4);
  bytes.set(body, 4 + headBytes.length);
  return bytes;
}

export function unpackSaved<Head>(bytes: Uint8Array): { head: Head; body: Uint8Array } {
  if (bytes.length < 4) throw new Error('saved index too short');
  const headLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  if (4 + headLength > bytes.length) throw new Error('saved index head runs past its end');
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headLength))) as Head;
  return { head, body: bytes.subarray(4 + headLength) };
}
