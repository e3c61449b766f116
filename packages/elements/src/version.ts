/** Recorded in every receipt so a verifier knows which code produced it. Kept in step with package.json by a test. */
export const LIBRARY = { name: '@terms-gate/elements', version: '0.1.0' } as const;
