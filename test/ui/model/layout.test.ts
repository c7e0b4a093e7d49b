import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeLayout } from '../../../components/model/layout.js';

test('the frame is one line shorter than the terminal', () => {
  for (const rows of [24, 40, 100]) {
    assert.equal(
      computeLayout({ cols: 80, rows }, false, 'below').frame.height,
      rows - 1,
    );
  }
});

test('at 80x24 a console below the table gets most of the body', () => {
  const layout = computeLayout({ cols: 80, rows: 24 }, true, 'below');

  assert.deepEqual(layout.table, { width: 80, height: 7 });
  assert.deepEqual(layout.pane, { width: 80, height: 13 });
  assert.deepEqual(layout.console, { cols: 80, rows: 12 });
  // Title, table, pane, message and hints fill the frame exactly.
  assert.equal(1 + 7 + 13 + 2, layout.frame.height);
});

test('beside the table, table, separator and pane fill the width', () => {
  for (const cols of [80, 120, 200]) {
    const layout = computeLayout({ cols, rows: 40 }, true, 'beside');
    const pane = layout.pane?.width ?? 0;

    assert.equal(layout.table.width + 1 + pane, cols);
    assert.equal(layout.console?.cols, pane);
    assert.equal(layout.console?.rows, 40 - 1 - 3 - 1);
  }
});

test('the console size follows the terminal', () => {
  const small = computeLayout({ cols: 80, rows: 24 }, true, 'below').console;
  const large = computeLayout({ cols: 160, rows: 60 }, true, 'below').console;

  assert.ok(
    large && small && large.rows > small.rows && large.cols > small.cols,
  );
});
