/**
 * Deep-freezes a built graph so that no runtime code can change a cached definition by accident.
 * Maps cannot be frozen themselves (they are exposed as ReadonlyMap); their values are.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (value instanceof Map) {
    for (const entry of value.values()) deepFreeze(entry);
    return value;
  }
  Object.freeze(value);
  for (const property of Object.values(value)) deepFreeze(property);
  return value;
}
