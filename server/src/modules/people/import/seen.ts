// What an import has already met in the file (row keys, document numbers), so that the same person
// or document twice in one list is reported instead of written twice. Keys are hex digests; 64 of
// their bits are kept, in typed arrays: a million rows cost about 25 MB instead of the ~100 MB of a
// Map of strings, and a false match needs a 64-bit collision (odds below 1 in 10^7 at a million).

export class SeenDigests {
  private hi: Uint32Array;
  private lo: Uint32Array;
  /** Row number + 1; 0 marks an empty slot. */
  private rows: Uint32Array;
  private count = 0;

  constructor(bits = 12) {
    this.hi = new Uint32Array(1 << bits);
    this.lo = new Uint32Array(1 << bits);
    this.rows = new Uint32Array(1 << bits);
  }

  /** The row that recorded this digest, if any. */
  get(digest: string): number | undefined {
    const [hi, lo] = halves(digest);
    const mask = this.rows.length - 1;
    // Digests are uniformly distributed already: their low bits are a good slot.
    for (let i = lo & mask; this.rows[i] !== 0; i = (i + 1) & mask) {
      if (this.hi[i] === hi && this.lo[i] === lo) return this.rows[i]! - 1;
    }
    return undefined;
  }

  /** Records a digest for a row, unless it is recorded already. */
  add(digest: string, row: number) {
    const [hi, lo] = halves(digest);
    const mask = this.rows.length - 1;
    let i = lo & mask;
    for (; this.rows[i] !== 0; i = (i + 1) & mask) if (this.hi[i] === hi && this.lo[i] === lo) return;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.rows[i] = row + 1;
    if (++this.count * 2 > this.rows.length) this.grow();
  }

  private grow() {
    const { hi, lo, rows } = this;
    const size = rows.length * 2;
    this.hi = new Uint32Array(size);
    this.lo = new Uint32Array(size);
    this.rows = new Uint32Array(size);
    const mask = size - 1;
    for (let j = 0; j < rows.length; j++) {
      if (rows[j] === 0) continue;
      let i = lo[j]! & mask;
      while (this.rows[i] !== 0) i = (i + 1) & mask;
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.rows[i] = rows[j]!;
    }
  }
}

const halves = (digest: string): [number, number] => [
  parseInt(digest.slice(0, 8), 16) >>> 0,
  parseInt(digest.slice(8, 16), 16) >>> 0,
];
