import { isFunctionTimeout } from '../../miniprogram/src/services/callErrors'

/*
 * A cloud function past its timeout reads 服务器忙，请稍后再试 on the phone, anything else that stops a call
 * 网络不太好 (services/api.ts): the two are told apart by what callFunction rejects with.
 */
describe('a failed call', () => {
  it('is the function running out of time when WeChat says so by code or by text', () => {
    expect(isFunctionTimeout({ errCode: -504003, errMsg: 'cloud.callFunction:fail Error: errCode: -504003 | errMsg: Invoking task timed out after 3 seconds' })).toBe(true)
    expect(isFunctionTimeout({ errCode: -501002, errMsg: 'cloud.callFunction:fail' })).toBe(true)
    // The SDK sometimes rejects with an Error whose message carries the code and text.
    expect(isFunctionTimeout(new Error('cloud.callFunction:fail Error: errCode: -504003 | errMsg: Invoking task timed out after 60 seconds'))).toBe(true)
  })

  it('is the network when the phone never got an answer', () => {
    expect(isFunctionTimeout({ errMsg: 'cloud.callFunction:fail request:fail timeout' })).toBe(false)
    expect(isFunctionTimeout({ errCode: -1, errMsg: 'cloud.callFunction:fail request:fail' })).toBe(false)
    expect(isFunctionTimeout(new TypeError('Failed to fetch'))).toBe(false)
    expect(isFunctionTimeout(undefined)).toBe(false)
  })
})
