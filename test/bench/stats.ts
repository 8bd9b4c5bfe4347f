export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

export function p95(xs: number[]): number {
  return quantile(xs, 0.95);
}

/** Nearest-rank quantile; NaN for no samples. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
