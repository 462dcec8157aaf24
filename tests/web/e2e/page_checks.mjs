// The checks every page of the phone-and-accessibility test passes: the page is no wider than the
// viewport, each checkbox and radio sits beside its label, and axe-core (web/node_modules/axe-core)
// finds no serious or critical violation. Each answers problem lines naming the element at fault.

import path from 'node:path';
import { repo } from './harness.mjs';

export const AXE_SCRIPT = path.join(repo, 'web', 'node_modules', 'axe-core', 'axe.min.js');
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const NODES_SHOWN = 3;

/** The page's width beyond the viewport and the deepest element whose removal brings it back, or null. */
export async function overflowOf(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const excess = () => document.documentElement.scrollWidth - vw;
    if (excess() <= 1) return null;
    let culprit = 'the page itself';
    const walk = (root, depth) => {
      for (const child of root.children) {
        const before = child.style.display;
        child.style.display = 'none';
        const fixed = excess() <= 1;
        child.style.display = before;
        if (fixed) {
          culprit = `${child.tagName.toLowerCase()}.${child.className} ${child.getAttribute('data-testid') ?? ''}`;
          if (depth < 12) walk(child, depth + 1);
          return;
        }
      }
    };
    walk(document.body, 0);
    return `${excess()} px too wide, because of ${culprit}`;
  });
}

/**
 * axe-core's serious and critical violations on the page as it stands, one line per rule:
 * rule id, impact, the selectors of the first offending elements and axe's summary of the first.
 */
export async function axeViolations(page) {
  const injected = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!injected) await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = await page.evaluate(async (blocking) => {
    // The moderate and minor rules are turned off (32 of them; 'region' walks every element): a rule
    // with an impact of its own reports that impact on every element (axe-core's finalizeRuleResult),
    // so they could never fail the page. axe's own choice of the rules to run stays otherwise.
    const rules = window.axe._audit?.rules ?? [];
    const off = rules.filter((r) => r.impact && !blocking.includes(r.impact));
    const settings = Object.fromEntries(off.map((r) => [r.id, { enabled: false }]));
    const result = await window.axe.run(document, { resultTypes: ['violations'], rules: settings });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, [...BLOCKING_IMPACTS]);
  return violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact))
    .map((v) => {
      const targets = v.nodes.slice(0, NODES_SHOWN).map((n) => n.target);
      const more = v.nodes.length > NODES_SHOWN ? ` (+${v.nodes.length - NODES_SHOWN} more)` : '';
      const why = (v.nodes[0]?.summary ?? '').replace(/\s+/g, ' ').slice(0, 240);
      return `${v.id} [${v.impact}] at ${targets.join(' | ')}${more}: ${why}`;
    });
}

/**
 * The visible checkboxes and radio buttons that do not sit beside their label: each must be left of
 * its label's text, at most 1.5 rem from it, and centred on the text's first line (within 4 px).
 */
export async function misalignedChoices(page) {
  return page.evaluate(() => {
    const firstLineOf = (label) => {
      const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
      });
      const text = walker.nextNode();
      if (!text) return null;
      const range = document.createRange();
      range.selectNodeContents(text);
      return range.getClientRects()[0] ?? null;
    };
    const problems = [];
    for (const input of document.querySelectorAll('input[type=checkbox], input[type=radio]')) {
      const box = input.getBoundingClientRect();
      if (box.width === 0 || input.closest('[hidden]')) continue;
      const label = input.labels?.[0];
      const line = label && firstLineOf(label);
      if (!line) continue;
      const offCentre = Math.abs(box.top + box.height / 2 - (line.top + line.height / 2));
      const gap = line.left - box.right;
      if (offCentre > 4 || gap < -1 || gap > 24) {
        const name = label.textContent.trim().replace(/\s+/g, ' ').slice(0, 40);
        const where = input.id ? `#${input.id}` : `input[type=${input.type}]`;
        const off = `${Math.round(offCentre)} px off its text's first line, ${Math.round(gap)} px left of it`;
        problems.push(`misaligned ${where} « ${name} »: ${off}`);
      }
    }
    return problems;
  });
}
