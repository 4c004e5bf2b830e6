import { ACTIVITY_LIFETIME_MS, type TemplateParameter } from '../../shared/group/rules'

/** One call to WeChat's updatable-message API, as the local fake records it (GET /api/dev/updatable). */
export type UpdatableCall =
  | { kind: 'createActivityId'; at: string; activityId: string; expiresAt: string }
  | { kind: 'setUpdatableMsg'; at: string; activityId: string; targetState: 0 | 1; parameterList: TemplateParameter[] }

/**
 * The updatable message (动态消息) of a shared card: an activity id, made on the server, that the phone passes to
 * wx.updateShareMenu({ isUpdatableMessage: true, activityId, templateInfo }), then changed from the server.
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/updatable-message/updatableMessage.createActivityId.html
 * https://developers.weixin.qq.com/miniprogram/dev/api-backend/open-api/updatable-message/updatableMessage.setUpdatableMsg.html
 * (guide: https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/share/updatable-message.html).
 * Either call throws when the capability is missing or WeChat refuses; callers degrade the card then.
 */
export interface UpdatableMessages {
  /** the version a final card opens (version_type): release in production */
  readonly versionType: 'develop' | 'trial' | 'release'
  /** A new activity id, and when it stops being updatable (24 hours; WeChat answers `expiration_time`). */
  createActivityId(now: string): Promise<{ activityId: string; expiresAt: string }>
  /** target_state 0 with member_count/room_limit while live; 1 with path/version_type once over. */
  setUpdatableMsg(call: { activityId: string; targetState: 0 | 1; parameterList: TemplateParameter[] }, now: string): Promise<void>
}

/** A host without the capability: every card is shared as an ordinary one. */
export const noUpdatable: UpdatableMessages = {
  versionType: 'release',
  createActivityId: async () => {
    throw new Error('updatable messages are not available on this host')
  },
  setUpdatableMsg: async () => {
    throw new Error('updatable messages are not available on this host')
  },
}

/** The local fake: answers like WeChat and keeps every call, newest last, for the dev endpoint and the tests. */
export class RecordingUpdatable implements UpdatableMessages {
  readonly calls: UpdatableCall[] = []
  readonly versionType = 'develop' as const
  private seq = 0

  /** at most this many calls are kept (the local host runs for days) */
  constructor(private readonly keep = 500) {}

  async createActivityId(now: string) {
    this.seq += 1
    const activityId = `dev-activity-${Date.parse(now).toString(36)}-${this.seq}`
    const expiresAt = new Date(Date.parse(now) + ACTIVITY_LIFETIME_MS).toISOString()
    this.record({ kind: 'createActivityId', at: now, activityId, expiresAt })
    return { activityId, expiresAt }
  }

  async setUpdatableMsg(call: { activityId: string; targetState: 0 | 1; parameterList: TemplateParameter[] }, now: string) {
    const made = this.calls.find((c) => c.kind === 'createActivityId' && c.activityId === call.activityId)
    if (made?.kind !== 'createActivityId') throw new Error(`unknown activity id ${call.activityId}`)
    // WeChat refuses an expired id: so does the fake, so a test cannot pass on updates the platform would drop.
    if (made.expiresAt <= now) throw new Error(`activity id ${call.activityId} expired`)
    this.record({ kind: 'setUpdatableMsg', at: now, activityId: call.activityId, targetState: call.targetState, parameterList: call.parameterList.map((p) => ({ ...p })) })
  }

  private record(call: UpdatableCall) {
    this.calls.push(call)
    if (this.calls.length > this.keep) this.calls.splice(0, this.calls.length - this.keep)
  }
}
