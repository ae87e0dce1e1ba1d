// UID and GID above 10000 share one check: an id in the range the node's own users take is avoided.

import { numberOf } from '../../../parse/yaml/tree.js';
import { containerCheck, effectiveSetting, securityAnchor } from './support.js';

export function highIdCheck(field: 'runAsUser' | 'runAsGroup', what: string) {
  return containerCheck((v, ctx) => {
    const setting = effectiveSetting(v, field);
    const id = numberOf(setting?.entry.value);
    if (id !== undefined && id > 10000) return;
    ctx.report({
      at: setting?.entry ?? securityAnchor(v.container),
      message: setting && id !== undefined ? `The ${v.label} runs with ${what} ${id}, which is 10000 or lower.` : `The ${v.label} does not set ${field}: it runs with the image's ${what}, usually 0 or a low id.`,
      part: `${v.container.part}.securityContext.${field}`,
    });
  });
}
