import variableSecretDefault from './variable-secret-default.js';

export const terraformRules = [variableSecretDefault];
