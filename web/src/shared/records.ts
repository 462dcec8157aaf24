// Small helpers over records used as maps (errors by field, drafts by competency).

/** A copy of `map` without `key` (the same map when it has no such key, so a state setter skips the render). */
export function without<M extends Record<PropertyKey, unknown>>(map: M, key: keyof M): M {
  if (!(key in map)) return map;
  const next = { ...map };
  delete next[key];
  return next;
}
