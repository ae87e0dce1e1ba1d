// The User actor and a service that happens to be called `user` (a users microservice, common in demos)
// are different things: the service gets an id of its own so the actor never swallows it.

import type { ModelFragment } from './types.js';

/** The id of the people who use the system (one actor per model). */
export const USER_ID = 'user';
/** The id a service or workload named `user` gets instead. */
export const USER_SERVICE_ID = 'user-service';

/** Renames an element (not the actor) whose id is USER_ID, with the flows that touch it. Call before the actor's flows are added. */
export function keepApartFromPeople(fragment: ModelFragment): void {
  const clash = fragment.elements.find((e) => e.id === USER_ID && e.kind !== 'actor');
  if (!clash) return;
  clash.id = USER_SERVICE_ID;
  for (const f of fragment.flows) {
    if (f.source !== USER_ID && f.target !== USER_ID) continue;
    if (f.source === USER_ID) f.source = USER_SERVICE_ID;
    if (f.target === USER_ID) f.target = USER_SERVICE_ID;
    f.id = `${f.source}->${f.target}`;
  }
  const aliases = fragment.aliases.get(USER_ID);
  if (aliases) {
    fragment.aliases.delete(USER_ID);
    fragment.aliases.set(USER_SERVICE_ID, aliases);
  }
}
