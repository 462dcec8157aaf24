// Whether two dependency lists are the same, as React compares an effect's:
// same length, each item Object.is the other's.

import type { DependencyList } from 'react';

export function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
