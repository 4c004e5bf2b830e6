/**
 * The closed set of error codes every cloud function may return, with the HTTP
 * status the local host mirrors and a plain-Chinese default message.
 */
export const errorCodes = {
  INVALID_INPUT: { status: 400, message: '填写的内容有误，请检查后再试' },
  UNKNOWN_ACTION: { status: 400, message: '不支持这个操作，请更新小程序后再试' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '您没有权限做这件事' },
  NOT_FOUND: { status: 404, message: '没有找到要找的内容' },
  CONFLICT: { status: 409, message: '操作与当前状态冲突，请刷新后再试' },
  ALREADY_MEMBER: { status: 409, message: '您已经在本村监督群里了' },
  ALREADY_PENDING: { status: 409, message: '您的入群申请正在等待审核' },
  ALREADY_VOTED: { status: 409, message: '本户已经投过票了' },
  ANSWER_FIRST: { status: 409, message: '上一轮评议不满意超过比例，村里答复释疑后才能再评议' },
  TOO_SOON: { status: 409, message: '离这个事项上一轮评议结束的时间太近，请过几天再评议' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  TOO_MANY_ATTEMPTS: { status: 429, message: '尝试次数太多，请一小时后再试' },
  DAILY_QUOTA: { status: 429, message: '今天的用量已经满了，请明天再试' },
  NO_OTHER_STAFF: { status: 409, message: '本乡镇没有其他在任的纪委工作人员可以接手，请先任命一位，再申请回避' },
  INTERNAL: { status: 500, message: '系统出了点问题，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>

export type ErrorCode = keyof typeof errorCodes

export interface ErrorBody {
  code: ErrorCode
  message: string
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }

/** A failure a handler raises on purpose; dispatch turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string = errorCodes[code].message) {
    super(message)
    this.name = 'AppError'
    this.code = code
  }
}

export function errorStatus(code: ErrorCode): number {
  return errorCodes[code].status
}

export function fail(code: ErrorCode, message?: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message: message ?? errorCodes[code].message } }
}
