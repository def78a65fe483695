/**
 * Entries that hold for one version of what they were made from (the library's): asked for another version, the
 * map starts empty. What the server keeps per library version (search answers, compressed answers, e-books) and
 * the glossary use it.
 */
export class VersionedMap<Key, Value> {
  private readonly entries = new Map<Key, Value>();
  private version: number | null = null;

  /** The entries made for `version` (none, when the last ones were made for another). */
  at(version: number): Map<Key, Value> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    return this.entries;
  }
}
