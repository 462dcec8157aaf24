import { describe, expect, it } from 'vitest';
import { dueText, hasTodoList, summaryText, todoLink, type TodoItem } from './todo';

const item = (over: Partial<TodoItem>): TodoItem => ({
  kind: 'form_commission',
  file: null,
  session_id: null,
  proposal_id: null,
  label: 'Former la commission',
  due: null,
  overdue: false,
  ...over,
});

describe('todoLink', () => {
  it('leads to the file, the jury session or the proposal the item is about', () => {
    expect(todoLink(item({ file: 'f 1/2' }))).toBe('/dossiers/f%201%2F2');
    expect(todoLink(item({ session_id: 's-9' }))).toBe('/jurys/s-9');
    expect(todoLink(item({ proposal_id: 0 }))).toBe('/propositions/0');
    expect(todoLink(item({}))).toBeNull();
  });
});

describe('dueText', () => {
  it('writes the first of the month as French does, and says when it is late', () => {
    expect(dueText(item({ due: '2026-12-01' }))).toBe('pour le 1er décembre 2026');
    expect(dueText(item({ due: '2026-03-03', overdue: true }))).toBe('en retard depuis le 3 mars 2026');
  });
  it('says nothing without a due day or with a malformed one', () => {
    expect(dueText(item({}))).toBeNull();
    expect(dueText(item({ due: '03/03/2026' }))).toBeNull();
  });
});

describe('summaryText', () => {
  const summary = (total: number, overdue: number) => ({ summary: { total, overdue_count: overdue, by_kind: {} } });
  it('counts the actions and the late ones, in French', () => {
    expect(summaryText(summary(0, 0))).toBe("Rien à faire pour l'instant");
    expect(summaryText(summary(1, 0))).toBe('1 action à faire');
    expect(summaryText(summary(5, 2))).toBe('5 actions à faire, dont 2 en retard');
  });
});

describe('hasTodoList', () => {
  it('leaves the administrators out', () => {
    expect(hasTodoList('centre_coordinator')).toBe(true);
    expect(hasTodoList('gtp_auditor')).toBe(true);
    expect(hasTodoList('admin')).toBe(false);
    expect(hasTodoList('gtp_admin')).toBe(false);
    expect(hasTodoList(undefined)).toBe(false);
  });
});
