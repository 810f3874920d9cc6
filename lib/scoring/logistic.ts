/**
 * A small L2-regularised logistic regression and the AUC that judges it: plain arithmetic, no
 * randomness, so the same outcomes always give the same model.
 */

/** A fitted logistic model on standardised features: p = σ(intercept + Σ wᵢ·(xᵢ − meanᵢ) / scaleᵢ). */
export interface LogisticFit {
  intercept: number;
  weights: number[];
  means: number[];
  scales: number[];
}

/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** L2 penalty on the (standardised) weights, not on the intercept; default 1. */
  lambda?: number;
  /** Newton steps at most; default 50 (it usually converges in under 10). */
  maxIterations?: number;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Solves `a · x = b` by Gaussian elimination with partial pivoting (a is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    }
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const top = m[col] as number[];
    for (let r = col + 1; r < n; r++) {
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / (top[col] ?? 1);
      for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (top[c] ?? 0);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let s = row[n] ?? 0;
    for (let c = r + 1; c < n; c++) s -= (row[c] ?? 0) * (x[c] ?? 0);
    x[r] = s / (row[r] ?? 1);
  }
  return x;
}

/**
 * Fits p(y) = σ(b + w·z) on features standardised to mean 0 and scale 1 (a constant feature
 * keeps scale 1 and, penalised, weight 0), by Newton's method on the penalised log-likelihood.
 * `x` holds one feature row per sample, all of the same length.
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly boolean[],
  options: LogisticOptions = {},
): LogisticFit {
  const { lambda = 1, maxIterations = 50 } = options;
  const n = x.length;
  const d = x[0]?.length ?? 0;
  const means = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + (row[j] ?? 0), 0) / Math.max(n, 1));
  const scales = means.map((mean, j) => {
    const sd = Math.sqrt(x.reduce((s, row) => s + ((row[j] ?? 0) - mean) ** 2, 0) / Math.max(n, 1));
    return sd > 1e-9 ? sd : 1;
  });
  // Row i of `z` is [1, standardised features…]: the intercept is the first parameter.
  const z = x.map((row) => [1, ...row.map((v, j) => (v - (means[j] ?? 0)) / (scales[j] ?? 1))]);
  const theta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < maxIterations; iter++) {
    const grad = theta.map((t, j) => (j === 0 ? 0 : lambda * t));
    const hess = theta.map((_, j) => theta.map((_, k) => (j === k && j > 0 ? lambda : 0)));
    z.forEach((row, i) => {
      const p = sigmoid(row.reduce((s, v, j) => s + v * (theta[j] ?? 0), 0));
      const r = p - (y[i] ? 1 : 0);
      const w = p * (1 - p);
      for (let j = 0; j <= d; j++) {
        grad[j] = (grad[j] ?? 0) + r * (row[j] ?? 0);
        const h = hess[j] as number[];
        for (let k = 0; k <= d; k++) h[k] = (h[k] ?? 0) + w * (row[j] ?? 0) * (row[k] ?? 0);
      }
    });
    // A tiny ridge on the intercept too keeps the system solvable when one class is empty.
    (hess[0] as number[])[0] = ((hess[0] as number[])[0] ?? 0) + 1e-9;
    const step = solve(hess, grad);
    step.forEach((s, j) => {
      theta[j] = (theta[j] ?? 0) - s;
    });
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { intercept: theta[0] ?? 0, weights: theta.slice(1), means, scales };
}

/** The fitted probability, in 0..1, for one feature row. */
export function predictLogistic(fit: LogisticFit, features: readonly number[]): number {
  const z = fit.weights.reduce(
    (s, w, j) => s + (w * ((features[j] ?? 0) - (fit.means[j] ?? 0))) / (fit.scales[j] ?? 1),
    fit.intercept,
  );
  return sigmoid(z);
}

/**
 * Area under the ROC curve: the chance that a random positive scores above a random negative,
 * a tie counting half (the Mann–Whitney U over both counts). 1 ranks perfectly, 0.5 is a coin,
 * 0 is perfectly inverted; NaN when either class is empty (there is nothing to separate).
 */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i] === true] as const).sort((a, b) => a[0] - b[0]);
  const positives = order.filter(([, l]) => l).length;
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j]?.[0] === order[i]?.[0]) j++;
    // Ranks i+1 … j share their mean.
    const mean = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (order[k]?.[1]) rankSum += mean;
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
