// The bench's arithmetic on samples: their median, and a figure rounded for printing.

/** The median of the finite values; null when there are none. */
export const median = (values) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (value, digits = 0) =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : null;
