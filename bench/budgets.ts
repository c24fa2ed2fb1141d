/** The budgets. A figure with no budget is printed for information only. */
export interface Budget {
  op: '<=' | '=' | '>=';
  limit: number;
}

export const BUDGETS: Record<string, Budget> = {
  // Issue 11: the worst request the cost limits allow, and another user's slowdown meanwhile.
  worstAllowedRequestMs: { op: '<=', limit: 1000 },
  otherUserSlowdownRatio: { op: '<=', limit: 2 },
  popupReadyMs: { op: '<=', limit: 50 },
  workerWakeMs: { op: '<=', limit: 150 },
  requestsPerSave: { op: '=', limit: 1 },
  requestsPerPopupOpen: { op: '<=', limit: 1 },
  'bundleGzipBytes.popup': { op: '<=', limit: 15 * 1024 },
  'bundleGzipBytes.worker': { op: '<=', limit: 55 * 1024 },
  // Issue 17: the options page grows by the two-step section; its QR library is a lazy chunk.
  'bundleGzipBytes.options': { op: '<=', limit: 20 * 1024 },
  'bundleGzipBytes.optionsQrLazy': { op: '<=', limit: 10 * 1024 },
  qrChunkOutsideOptions: { op: '=', limit: 0 },
  pageLatencyRatio: { op: '<=', limit: 1.5 },
  // Flat memory: 8,000 list calls may leave at most 2 MB more heap after GC (256 B a call; the
  // dynalite iterator leak was ~8 KB a call, 64 MB here). Identity Pool writes per call must not grow.
  soakHeapGrowthKB: { op: '<=', limit: 2048 },
  identityWriteGrowthRatio: { op: '<=', limit: 1.05 },
};

export function meets(value: number, budget: Budget): boolean {
  if (budget.op === '<=') return value <= budget.limit;
  if (budget.op === '>=') return value >= budget.limit;
  return value === budget.limit;
}
