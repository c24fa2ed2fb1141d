import { BUDGETS, meets } from './budgets';
import type { Summary } from './stats';

export interface Figure {
  name: string;
  unit: string;
  /** The value compared with the budget: the median for timings, the count or size otherwise. */
  value: number;
  summary?: Summary;
  note?: string;
}

const fmt = (n: number) =>
  Number.isInteger(n) ? String(n) : n >= 100 ? n.toFixed(0) : n.toFixed(2);

export function verdict(figure: Figure): 'ok' | 'MISSED' | '' {
  const budget = BUDGETS[figure.name];
  if (!budget) return '';
  return meets(figure.value, budget) ? 'ok' : 'MISSED';
}

export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const budget = BUDGETS[f.name];
    const spread = f.summary
      ? `${fmt(f.summary.min)}–${fmt(f.summary.max)} (n=${f.summary.runs})`
      : '';
    return [
      f.name,
      `${fmt(f.value)} ${f.unit}`,
      spread,
      budget ? `${budget.op} ${fmt(budget.limit)}` : '',
      verdict(f),
      f.note ?? '',
    ];
  });
  const head = ['figure', 'median / value', 'spread (min–max)', 'budget', '', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The JSON shape: `{ name: value }`, with `bundleGzipBytes.popup` nested as `bundleGzipBytes: { popup }`. */
export function toJson(figures: readonly Figure[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const details: Record<string, unknown> = {};
  for (const f of figures) {
    const [head, tail] = f.name.split('.');
    if (tail) ((out[head!] ??= {}) as Record<string, number>)[tail] = f.value;
    else out[f.name] = f.value;
    details[f.name] = {
      unit: f.unit,
      ...(f.summary ? { summary: f.summary } : {}),
      budget: BUDGETS[f.name] ?? null,
      verdict: verdict(f) || null,
    };
  }
  return { ...out, details };
}
