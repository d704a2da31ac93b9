// Templates: section trees, branch expansion, declared variables, rendering with data.
export { buildTemplateTree, cutSpan, closingName } from './tree.js';
export type { TemplateTree, TemplateItem, SectionItem, Branch, SectionProblem, TextItem, ValueItem } from './tree.js';
export { OffsetMap } from './offset-map.js';
export type { Segment } from './offset-map.js';
export { expandBranches } from './expand.js';
export type { BranchVariant, ExpandOptions } from './expand.js';
export { declaredVariables, variableReferences, expressionNames, isDeclared, isUsed, VARIABLE_KEYS } from './variables.js';
export type { DeclaredVariable, VariableReference } from './variables.js';
export { renderTemplate } from './render.js';
export type { RenderResult, RenderProblem, RenderOptions } from './render.js';
export { lintBranches, judgesSource } from './branches.js';
export { mapMessage, messageKey } from './map-messages.js';
export { lintRendered } from './lint-rendered.js';
export type { RenderedLint } from './lint-rendered.js';
export { parseTemplateData } from './data.js';
export type { DataParse } from './data.js';
