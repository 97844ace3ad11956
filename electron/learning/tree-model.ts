import type { TreeJson } from '../../shared/domain/model';

/**
 * A grown tree as flat arrays (node 0 is the root). A node splits on
 * `feature` (-1 for a leaf): values <= threshold go left, larger ones right,
 * missing values (NaN) to the side the training found better. `value` holds
 * `outputs` numbers per node: class probabilities for a forest's trees, one
 * score for a boosted tree.
 */
export class Tree {
  constructor(
    readonly feature: Int32Array,
    readonly threshold: Float64Array,
    readonly missingLeft: Uint8Array,
    readonly left: Int32Array,
    readonly right: Int32Array,
    readonly value: Float64Array,
    readonly outputs: number,
  ) {}

  get nodes(): number {
    return this.feature.length;
  }

  /** The leaf a row of raw values (row-major X, row r, F features) ends in. */
  leaf(X: Float32Array, r: number, F: number): number {
    let n = 0;
    const base = r * F;
    while (this.feature[n] >= 0) {
      const v = X[base + this.feature[n]];
      n = v !== v ? (this.missingLeft[n] ? this.left[n] : this.right[n]) : v <= this.threshold[n] ? this.left[n] : this.right[n];
    }
    return n;
  }

  toJSON(): TreeJson {
    return {
      feature: Array.from(this.feature),
      threshold: Array.from(this.threshold),
      missingLeft: Array.from(this.missingLeft, (b) => (b ? 1 : 0)),
      left: Array.from(this.left),
      right: Array.from(this.right),
      value: Array.from(this.value),
    };
  }

  static fromJSON(t: TreeJson, outputs: number): Tree {
    return new Tree(Int32Array.from(t.feature), Float64Array.from(t.threshold), Uint8Array.from(t.missingLeft), Int32Array.from(t.left), Int32Array.from(t.right), Float64Array.from(t.value), outputs);
  }
}

/** Collects nodes while a grower works; `bin` is the split's last left bin, kept for training-time routing. */
export class TreeBuilder {
  feature: number[] = [];
  threshold: number[] = [];
  bin: number[] = [];
  missingLeft: number[] = [];
  left: number[] = [];
  right: number[] = [];
  value: number[] = [];

  constructor(readonly outputs: number) {}

  /** Adds a node (a leaf until `split` is called) and returns its index. */
  add(value: ArrayLike<number>): number {
    const id = this.feature.length;
    this.feature.push(-1);
    this.threshold.push(0);
    this.bin.push(0);
    this.missingLeft.push(0);
    this.left.push(-1);
    this.right.push(-1);
    for (let k = 0; k < this.outputs; k++) this.value.push(value[k]);
    return id;
  }

  split(node: number, feature: number, bin: number, threshold: number, missingLeft: boolean, left: number, right: number): void {
    this.feature[node] = feature;
    this.bin[node] = bin;
    this.threshold[node] = threshold;
    this.missingLeft[node] = missingLeft ? 1 : 0;
    this.left[node] = left;
    this.right[node] = right;
  }

  setValue(node: number, value: ArrayLike<number>): void {
    for (let k = 0; k < this.outputs; k++) this.value[node * this.outputs + k] = value[k];
  }

  build(): Tree {
    return new Tree(Int32Array.from(this.feature), Float64Array.from(this.threshold), Uint8Array.from(this.missingLeft), Int32Array.from(this.left), Int32Array.from(this.right), Float64Array.from(this.value), this.outputs);
  }
}
