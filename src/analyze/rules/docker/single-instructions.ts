// CMD, ENTRYPOINT and HEALTHCHECK take effect once per stage: the rules for repeating them share this check.

import type { DockerfileCheck } from '../../dockerfile-rule.js';

export function onlyOnce(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK'): DockerfileCheck {
  return {
    check(file, ctx) {
      for (const stage of file.stages) {
        const repeated = stage.instructions.filter((i) => i.keyword === keyword);
        for (const extra of repeated.slice(0, -1)) {
          ctx.report({ at: extra, message: `${keyword} appears ${repeated.length} times in stage ${stage.name ?? stage.index + 1}: only the last one takes effect, so this one is dead code that misleads readers.` });
        }
      }
    },
  };
}
