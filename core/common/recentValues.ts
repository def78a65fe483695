/** Values kept for their keys, the `limit` last used: the least recently used one leaves first. */
export class RecentValues<Key, Value> {
  private readonly values = new Map<Key, Value>();

  constructor(private readonly limit: number) {}

  /** The value kept for `key`, else `compute`'s, kept from now on. */
  get(key: Key, compute: (key: Key) => Value): Value {
    let value = this.values.get(key);
    if (value !== undefined || this.values.has(key)) this.values.delete(key);
    else {
      value = compute(key);
      if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value!);
    }
    this.values.set(key, value!);
    return value!;
  }
}
