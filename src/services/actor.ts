// Who does a thing, through which channel: what every use case that writes receives (and audits).
// Authorisation is NOT the use case's: the thin layer around it (an HTTP route's service entry, a
// job, an import, the CLI) decides who may call it and on what, then hands over an actor. So a
// revocation from the console, from a verification visit or from the CLI runs the same code and
// leaves the same audit trail, differing only in the actor.
import type { AuditEntry } from '../db/repositories/audit.ts';
import type { Channel, StaffPrincipal, StaffRole } from './context.ts';

export interface Actor {
  /** The staff member's or resident's id; null for the system itself (a job, an import). */
  id: string | null;
  role: StaffRole | 'resident' | 'system';
  channel: Channel;
  /** The station a staff member acts for (audited); null otherwise. */
  stationId: string | null;
}

/** A staff member working in the console (the existing audit trail calls that channel `window`). */
export const staffActor = (member: StaffPrincipal, channel: Channel = 'window'): Actor => ({
  id: member.staffId,
  role: member.role,
  channel,
  stationId: member.stationId,
});

/** A resident acting for themself: the id is always theirs, and no station is involved. */
export interface ResidentActor extends Actor {
  id: string;
  role: 'resident';
  stationId: null;
}

/** A resident in the wallet (`online`), or through whatever channel a job or import names. */
export const residentActorFor = (residentId: string, channel: Channel = 'online'): ResidentActor => ({
  id: residentId,
  role: 'resident',
  channel,
  stationId: null,
});

/** A staff member acting at their own station (clerk work at the window): both are known. */
export interface StationActor extends Actor {
  id: string;
  stationId: string;
}

/** The platform itself: a scheduled job, an import, an operator's command. */
export const systemActor = (channel: Extract<Channel, 'cli' | 'system'>): Actor => ({
  id: null,
  role: 'system',
  channel,
  stationId: null,
});

/** The audit columns naming the actor. */
export function auditedAs(actor: Actor): Pick<AuditEntry, 'actorKind' | 'actorId' | 'channel' | 'stationId'> {
  return {
    actorKind: actor.role === 'system' ? 'system' : actor.role === 'resident' ? 'resident' : 'staff',
    actorId: actor.id,
    channel: actor.channel,
    stationId: actor.stationId,
  };
}
