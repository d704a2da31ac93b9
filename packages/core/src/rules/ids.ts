// Lazy access to the registry for rules that need to know every rule id
// (imported at call time, so there is no import cycle at load time).
import { allRules } from './index.js';

let ids: Set<string> | undefined;
export function allRuleIds(): Set<string> {
  ids ??= new Set(allRules.map((r) => r.meta.id));
  return ids;
}
