export interface BenchResult {
  name: string;
  metrics: Record<string, number | string>;
  notes?: string;
}
export type BenchModule = { run: () => Promise<BenchResult[]> };
