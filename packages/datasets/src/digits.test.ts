import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { digits } from '../src/index.js';

// Written by scripts/gen_digits.py from the CSV in Debian's python3-sklearn, independently of
// the decoder under test.
const fixture = JSON.parse(
  readFileSync(new URL('../test/fixtures/digits-checksum.json', import.meta.url), 'utf8'),
) as { samples: number; features: number; labelCounts: number[]; pixelSum: number; sha256: string };

describe('digits()', () => {
  it('digits() has the shape, value range and label counts of the UCI 8×8 test set', () => {
    const d = digits();
    expect(d.images.rows).toBe(fixture.samples);
    expect(d.images.cols).toBe(fixture.features);
    expect(d.images.data).toBeInstanceOf(Float64Array);
    expect(d.images.data.length).toBe(fixture.samples * fixture.features);
    expect(d.labels).toBeInstanceOf(Int32Array);
    expect(d.labels.length).toBe(fixture.samples);
    expect(d.classes).toBe(10);
    let sum = 0;
    let outside = 0;
    for (const v of d.images.data) {
      if (!(Number.isInteger(v) && v >= 0 && v <= 16)) outside++;
      sum += v;
    }
    expect(outside).toBe(0);
    expect(sum).toBe(fixture.pixelSum);
    const counts = new Array(10).fill(0);
    for (const c of d.labels) counts[c]++;
    expect(counts).toEqual(fixture.labelCounts);
  });

  it('digits() decodes to the bytes whose SHA-256 the generator computed from the CSV', () => {
    const d = digits();
    const bytes = new Uint8Array(d.images.data.length + d.labels.length);
    bytes.set(Uint8Array.from(d.images.data));
    bytes.set(Uint8Array.from(d.labels), d.images.data.length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(fixture.sha256);
  });

  it('digits() credits the authors and states the data license', () => {
    const d = digits();
    expect(d.license).toBe('CC BY 4.0');
    expect(d.attribution).toMatch(/Alpaydin/);
    expect(d.attribution).toMatch(/Kaynak/);
    expect(d.attribution).toMatch(/UCI Machine Learning Repository/);
  });

  it('digits() returns a fresh copy on every call', () => {
    const a = digits();
    a.images.data[0] = 99;
    a.labels[0] = 7;
    const b = digits();
    expect(b.images.data[0]).toBe(0);
    expect(b.labels[0]).toBe(0);
  });
});
