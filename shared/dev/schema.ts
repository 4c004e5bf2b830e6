import type { Role } from '../roles'

/** One entry of the local host's GET /api/dev/people (sign-in as a demo person; local host only). */
export interface DevPerson {
  personId: string
  name: string
  role: Role
  townshipId: string
  villageId: string | null
  /** For display: the village's name, or the township's for township staff. */
  placeName: string
  householdId: string | null
  isRepresentative: boolean
}
