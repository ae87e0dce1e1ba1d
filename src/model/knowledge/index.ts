// The knowledge base's vocabulary and mitigation library. The threat rules themselves are in ./patterns/.

export { MITIGATIONS, mitigationById } from './mitigations.js';
export * from './types.js';
