export { isLeftover, ownedName, removeLeftovers } from './leftovers.ts';
export { testKillPoint } from './test-kill.ts';
export { NO_SECRETS, withScratchFolder, writeFileAtomically, writeRedacted } from './writer.ts';
export { readTextIfPresent } from './read.ts';
