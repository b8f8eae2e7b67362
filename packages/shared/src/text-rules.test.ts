import assert from 'node:assert/strict';
import { test } from 'node:test';
import { multiLineTextProblem, normalizeText, singleLineTextProblem } from './index.js';

test('names and titles: ordinary names in any script pass', () => {
  for (const name of ['Ana (pseudonym)', 'Mya Thandar', 'มานี มีนา', 'सीता थापा', 'မြင့်မြင့်', 'O’Brien-Ng', 'لمیاء', '👩🏽‍⚖️ Rights Lab']) {
    assert.equal(singleLineTextProblem(normalizeText(name)), null, name);
  }
});

test('names and titles that lie are refused: bidi overrides, isolates, controls, line breaks, nothing visible', () => {
  for (const name of [
    'evil\u202Egnp.exe',
    'a\u2066b\u2069',
    '\u200B\u200B',
    '\u0301\u0301',
    'bell\u0007',
    'esc\u001B[31m',
    'two\nlines',
    'line\u2028separator',
    'nul\u0000',
    'half \uD83D',
  ]) {
    assert.notEqual(singleLineTextProblem(normalizeText(name)), null, JSON.stringify(name));
  }
});

test('text is kept in NFC, so one name typed two ways is the same name', () => {
  assert.equal(normalizeText('  Jose\u0301 '), 'José');
});

test('longer text keeps its lines and tabs but refuses other controls, bidi controls and NUL', () => {
  assert.equal(multiLineTextProblem('First line\r\n\tSecond line'), null);
  assert.notEqual(multiLineTextProblem('bell\u0007'), null);
  assert.notEqual(multiLineTextProblem('click \u202Eexe.pdf'), null);
  assert.notEqual(multiLineTextProblem('nul\u0000'), null);
});
