import { cronProblems, functionConfigProblems, readmeTableProblems, rulesProblems } from '../../scripts/deploy-check'

describe('check:deploy: a cloud function config.json as WeChat reads it', () => {
  it('accepts the documented shapes', () => {
    expect(functionConfigProblems('{"permissions":{"openapi":["subscribeMessage.send"]},"triggers":[{"name":"outbox","type":"timer","config":"0 */2 * * * * *"}]}')).toEqual([])
    expect(functionConfigProblems('{"triggers":[{"name":"close-due","type":"timer","config":"0 * * * * * *"}]}')).toEqual([])
    expect(functionConfigProblems('{}')).toEqual([])
  })

  it('rejects broken JSON, a key WeChat does not read, two triggers, a bad name or type', () => {
    expect(functionConfigProblems('{"triggers": [}')[0]).toMatch(/不是合法的 JSON/)
    expect(functionConfigProblems('{"timeout": 30}')[0]).toMatch(/timeout/)
    const two = '{"triggers":[{"name":"a","type":"timer","config":"0 * * * * * *"},{"name":"b","type":"timer","config":"0 * * * * * *"}]}'
    expect(functionConfigProblems(two).join()).toMatch(/只能有一个/)
    expect(functionConfigProblems('{"triggers":[{"name":"1x","type":"timer","config":"0 * * * * * *"}]}').join()).toMatch(/名称/)
    expect(functionConfigProblems('{"triggers":[{"name":"x","type":"http","config":"0 * * * * * *"}]}').join()).toMatch(/类型/)
    expect(functionConfigProblems('{"permissions":{"openapi":"subscribeMessage.send"}}').join()).toMatch(/permissions/)
  })

  it('checks the seven cron fields and their ranges', () => {
    expect(cronProblems('0 0 2 1 * * *')).toEqual([])
    expect(cronProblems('0 15 10 * * MON-FRI *')).toEqual([])
    expect(cronProblems('0 0 10,14,16 * * * *')).toEqual([])
    expect(cronProblems('0 */30 9-17 * * * *')).toEqual([])
    expect(cronProblems('*/5 * * * * *')[0]).toMatch(/7 个字段/) // six fields: a Linux/Quartz habit
    expect(cronProblems('0 60 * * * * *')[0]).toMatch(/分钟/)
    expect(cronProblems('0 * 24 * * * *')[0]).toMatch(/小时/)
    expect(cronProblems('0 * * 0 * * *')[0]).toMatch(/日/)
    expect(cronProblems('0 */0 * * * * *')[0]).toMatch(/分钟/)
    expect(cronProblems('0 * * * * ? *')[0]).toMatch(/星期/)
  })
})

describe('check:deploy: database rules and the README table', () => {
  const T = '3. 在云开发控制台的数据库中创建下列集合：\n\n'
  it('wants a deny-all rule for every collection and no other', () => {
    const deny = { read: false, write: false }
    expect(rulesProblems({ a: deny, b: deny }, ['a', 'b'])).toEqual([])
    expect(rulesProblems({ a: deny }, ['a', 'b'])).toEqual(['集合 b 没有数据库安全规则'])
    expect(rulesProblems({ a: { read: true, write: false }, b: deny, c: deny }, ['a', 'b'])).toHaveLength(2)
  })

  it('wants every collection listed with exactly its indexes', () => {
    const specs = { village: { indexes: [['townshipId', 'name', '_id']], unique: [['joinCode']] } }
    expect(readmeTableProblems(T + '| `village` | `townshipId + name + _id`；唯一 `joinCode` |', specs)).toEqual([])
    expect(readmeTableProblems(T + '| `village` | `townshipId + name`；唯一 `joinCode` |', specs)).toHaveLength(2)
    expect(readmeTableProblems(T + '| `other` | — |', specs)).toHaveLength(2)
  })
})
