// axe-core run inside a story's page: what the accessibility suite checks on every main page, for
// stories that bring a page to a state of its own (a panel open, a form refused) and check it there.
import axe from 'axe-core';

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/** axe's serious and critical WCAG A/AA violations on the page as it is now, one line per element. */
export async function seriousViolations(page, where) {
  // Evaluated by the browser's debugging protocol, as the page's own content security policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }).then((r) => r.violations),
    WCAG_A_AA,
  );
  return violations
    .filter((violation) => BLOCKING.has(violation.impact))
    .flatMap((violation) => [
      `${where}: ${violation.id} (${violation.impact}) ${violation.help} — ${violation.helpUrl}`,
      ...violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary.replace(/\n/g, '\n      ')}`),
    ]);
}
