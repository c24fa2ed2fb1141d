/** The budgets. A figure with no budget is printed for information only. */
export interface Budget {
  op: '<=' | '=' | '>=';
  limit: number;
}

export const BUDGETS: Record<string, Budget> = {
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
};

export function meets(value: number, budget: Budget): boolean {
  if (budget.op === '<=') return value <= budget.limit;
  if (budget.op === '>=') return value >= budget.limit;
  return value === budget.limit;
}
