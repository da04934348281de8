export { firstOfEachShape, heldBranches, type HeldBranches } from './branches.ts';
export { dateTime, uuid } from './formats.ts';
export { linearRegExp, linearRegExpProblem, type LinearRegExp } from './regexp.ts';
export { sharedSchemaRegistry, type SchemaRegistry } from './registry.ts';
export { jsonType, violationsOf, type ValidatedDocument } from './violations.ts';
export { configValidator, configViolationReader, type ConfigViolation } from './config-schema.ts';
