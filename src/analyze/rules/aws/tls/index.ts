// The TLS rules, in id order.
import type { Rule } from '../../../rule.js';
import minTlsVersion from './min-tls-version.js';

export const tlsRules: Rule[] = [minTlsVersion];
