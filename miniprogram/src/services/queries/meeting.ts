import { pagedRead, readQuery } from './read'

/** Reads of the village meetings (村情发布会); both kept offline, as the village's public record. */
export const meetingQueries = {
  list: (villageId?: string) => pagedRead('meeting', 'list', villageId ? { villageId } : {}, { offline: true }),
  get: (meetingId: string, villageId?: string) => readQuery('meeting', 'get', villageId ? { meetingId, villageId } : { meetingId }, { offline: true }),
}
