// Its own module: the pact-core process (pact-process.ts) needs it, and nothing of the vendor settings.
/** Where in a pact's metadata conform says what the pact was recorded against: `"conform": {"target": "live"}`. */
export const RECORDED_METADATA = { namespace: 'conform', name: 'target' } as const;
