import { describe, expect, it } from 'vitest';
import { createNoteBodyCache } from '../src/notes/note-body-cache.ts';

const body = (tag: string) => ({ tag, version: 1, json: `{"note":"${tag}"}` });

describe('note body cache', () => {
  it('keys by organisation and id: another organisation never finds an entry', () => {
    const cache = createNoteBodyCache(10);
    cache.set('org-a', 'n1', body('t1'));
    expect(cache.get('org-a', 'n1')?.tag).toBe('t1');
    expect(cache.get('org-b', 'n1')).toBeUndefined();
  });

  it('holds at most `max` entries and evicts the least recently used', () => {
    const cache = createNoteBodyCache(2);
    cache.set('o', 'n1', body('t1'));
    cache.set('o', 'n2', body('t2'));
    cache.get('o', 'n1'); // n2 is now the least recently used
    cache.set('o', 'n3', body('t3'));
    expect(cache.size).toBe(2);
    expect(cache.get('o', 'n2')).toBeUndefined();
    expect(cache.get('o', 'n1')?.tag).toBe('t1');
    expect(cache.get('o', 'n3')?.tag).toBe('t3');
  });

  it('replaces an entry in place and forgets a deleted one', () => {
    const cache = createNoteBodyCache(2);
    cache.set('o', 'n1', body('t1'));
    cache.set('o', 'n1', body('t2'));
    expect(cache.size).toBe(1);
    expect(cache.get('o', 'n1')?.tag).toBe('t2');
    cache.delete('o', 'n1');
    expect(cache.get('o', 'n1')).toBeUndefined();
  });
});
