import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { recordTiming } from '../../scripts/test-timing.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/**
 * Runs axe-core in the page against WCAG 2.0/2.1 A and AA (and, with
 * `wcag22`, the 2.2 AA rules: target size); returns the violations.
 */
export async function axeViolations(page: Page, options: { wcag22?: boolean } = {}): Promise<AxeViolation[]> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', ...(options.wcag22 ? ['wcag22aa'] : [])];
  // Right after router.refresh() Next may still be putting the page's <title>
  // back (its metadata streams on its own): wait for it a moment; a page that
  // has none still fails below.
  const started = performance.now();
  await page.waitForFunction(() => document.title !== '', null, { timeout: 5_000 }).catch(() => undefined);
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async (values) => {
    const result = await (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values },
      // Every node of every violation is still listed; the passes and the
      // rest keep one node each, not a selector built for every element
      // checked (a third of axe's time on a public page).
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, tags);
  recordTiming('axe', performance.now() - started, page.url());
  return violations;
}
