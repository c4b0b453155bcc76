// The UCI optical recognition of handwritten digits, 8×8 test set (Alpaydin & Kaynak 1998, UCI Machine Learning Repository, CC BY 4.0).
import { DIGITS_LABELS, DIGITS_PIXELS } from './digits-data.generated.js';

/** A dense row-major float64 matrix: the shape of @rg/linalg's `Matrix`, typed structurally. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** The digits data set as {@link digits} returns it. */
export interface DigitsDataset {
  /** 1797×64: one 8×8 image per row, row-major, pixel counts 0..16 as float64 */
  images: DenseMatrix;
  /** the digit shown by each image, 0..9 */
  labels: Int32Array;
  /** number of classes: 10 */
  classes: number;
  /** who made the data and where it comes from: cite it when you publish results on it */
  attribution: string;
  /** the data's license (the package's code is MIT; the data is CC BY 4.0) */
  license: 'CC BY 4.0';
}

const SAMPLES = 1797;
const FEATURES = 64;
const ATTRIBUTION =
  'E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine Learning Repository (1998), https://archive.ics.uci.edu/ml/datasets/Optical+Recognition+of+Handwritten+Digits; the 8×8 test set (1797 images of 43 writers: 32×32 bitmaps counted in 4×4 blocks), as shipped by scikit-learn.';

/**
 * The UCI optical recognition of handwritten digits (the 8×8 test set that scikit-learn calls
 * `load_digits`): 1797 images of the digits 0–9 written by 43 people, each an 8×8 grid of pixel
 * counts 0..16 (32×32 bitmaps counted in 4×4 blocks), about 180 per class. Every call decodes a
 * fresh copy from the compact module committed with the package (no download, no file access;
 * about a millisecond), so callers may modify what they get.
 *
 * The data are licensed CC BY 4.0: credit `attribution` when you publish results on them.
 *
 * @returns images (1797×64, row-major 8×8), labels, classes = 10, attribution and license
 * @example
 * const { images, labels, classes, license } = digits();
 * [images.rows, images.cols] // => [1797, 64]
 * labels.length // => 1797
 * classes // => 10
 * license // => 'CC BY 4.0'
 * labels[0] // => 0
 * Array.from(images.data.subarray(0, 8)) // => [0, 0, 5, 13, 9, 1, 0, 0]
 */
export function digits(): DigitsDataset {
  const data = new Float64Array(SAMPLES * FEATURES);
  // one line of 64 base-17 digits per image, after the template literal's leading newline
  for (let i = 0; i < SAMPLES; i++) {
    const start = 1 + i * (FEATURES + 1);
    for (let j = 0; j < FEATURES; j++) {
      const c = DIGITS_PIXELS.charCodeAt(start + j);
      // '0'..'9' are 48..57, 'a'..'g' are 97..103
      data[i * FEATURES + j] = c <= 57 ? c - 48 : c - 87;
    }
  }
  const labels = new Int32Array(SAMPLES);
  for (let i = 0; i < SAMPLES; i++) labels[i] = DIGITS_LABELS.charCodeAt(i) - 48;
  return {
    images: { rows: SAMPLES, cols: FEATURES, data },
    labels,
    classes: 10,
    attribution: ATTRIBUTION,
    license: 'CC BY 4.0',
  };
}
