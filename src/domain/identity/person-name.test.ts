import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../errors.ts';
import { maskName, normalisePersonName } from './person-name.ts';

function refused(input: string): void {
  assert.throws(
    () => normalisePersonName(input),
    (e: unknown) => e instanceof AppError && e.code === 'VALIDATION_FAILED' && e.params.field === 'name',
  );
}

describe('normalisePersonName', () => {
  test('keeps a Han name, trimmed and without spaces', () => {
    assert.equal(normalisePersonName('张三'), '张三');
    assert.equal(normalisePersonName('  欧阳 娜娜 '), '欧阳娜娜');
    assert.equal(normalisePersonName('张\u3000三'), '张三');
  });

  test('keeps the middle dot of a minority name and folds its look-alikes into it', () => {
    assert.equal(normalisePersonName('买买提·艾力'), '买买提·艾力');
    assert.equal(normalisePersonName('买买提•艾力'), '买买提·艾力');
    assert.equal(normalisePersonName('买买提・艾力'), '买买提·艾力');
    assert.equal(normalisePersonName('阿依古丽 · 买买提'), '阿依古丽·买买提');
  });

  test('accepts rare characters outside the basic plane and counts them as one character each', () => {
    assert.equal(normalisePersonName('王𠇔'), '王𠇔');
  });

  test('accepts a Latin name with spaces, hyphens and apostrophes, collapsing repeated spaces', () => {
    assert.equal(normalisePersonName('  Anna   Müller-Lüdenscheidt '), 'Anna Müller-Lüdenscheidt');
    assert.equal(normalisePersonName('Seán O’Brien'), "Seán O'Brien");
  });

  test('refuses names too short or too long', () => {
    refused('张');
    refused('   ');
    refused('A'.repeat(41));
    assert.equal(normalisePersonName('张'.repeat(40)).length, 40);
  });

  test('refuses digits, other scripts, mixed scripts and stray separators', () => {
    refused('张三1');
    refused('Иван Петров');
    refused('张三 Smith');
    refused('·买买提');
    refused('买买提··艾力');
    refused('买买提·');
    refused('Anna--Maria');
    refused("O'");
    refused('<script>');
  });
});

describe('maskName', () => {
  test('keeps the first Han character and masks each of the others', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('李小龙'), '李**');
    assert.equal(maskName('欧阳娜娜'), '欧***');
    assert.equal(maskName('买买提·艾力'), '买*****');
    assert.equal(maskName('王𠇔'), '王*');
  });

  test('keeps the first letter of each word of a Latin name', () => {
    assert.equal(maskName('John Smith'), 'J*** S****');
    assert.equal(maskName("Seán O'Brien"), 'S*** O******');
  });
});
