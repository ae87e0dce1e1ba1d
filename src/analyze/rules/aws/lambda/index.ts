import environmentSecrets from './environment-secrets.js';

export const lambdaRules = [environmentSecrets];
