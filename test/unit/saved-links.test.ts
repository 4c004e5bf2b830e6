import { LINK_SECONDS, withoutExpiredLinks } from '../../miniprogram/src/services/savedLinks'

/* A copy of a read kept on the phone for offline use never shows a file link that may have expired. */
describe('file links in the offline copy', () => {
  const savedAt = '2026-11-21T08:00:00.000Z'
  const later = (seconds: number) => new Date(Date.parse(savedAt) + seconds * 1000)
  const photo = { fileId: 'cloud://env.b/attachments/a.jpg', name: '收据.jpg', mime: 'image/jpeg', size: 10, url: 'https://b.tcb.qcloud.la/attachments/a.jpg?sign=x&t=1' }
  const disclosure = { disclosureId: 'd1', title: '十一月财务公开', revisions: [{ revision: 1, attachments: [photo, photo] }], attachments: [photo], tags: ['财务'] }

  it('keeps the links while they surely still work', () => {
    expect(withoutExpiredLinks(disclosure, savedAt, later(LINK_SECONDS - 1))).toEqual(disclosure)
  })

  it('leaves out every linked file, at any depth, once the links may have expired; everything else stays', () => {
    expect(withoutExpiredLinks(disclosure, savedAt, later(LINK_SECONDS))).toEqual({
      disclosureId: 'd1',
      title: '十一月财务公开',
      revisions: [{ revision: 1, attachments: [] }],
      attachments: [],
      tags: ['财务'],
    })
  })
})
