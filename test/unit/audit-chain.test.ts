import { createHash } from 'node:crypto'
import type { AuditEntry } from '../../shared/audit/schema'
import { auditVerdictText, nextSeal, verifyAuditChain, type AuditHead, type AuditSeal } from '../../shared/audit/chain'

// The chain's rules on their own (the store's side is in test/integration/audit-chain.test.ts).
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const CHAIN = 'tw-main'
const RETIRED_BEFORE = '2026-01-01T00:00:00.000Z'

const entry = (n: number): AuditEntry => ({
  _id: `au-${n}`,
  at: `2026-12-0${n}T02:00:00.000Z`,
  townshipId: CHAIN,
  villageId: 'v-1',
  personId: 'p-chair',
  name: '周德明',
  role: 'chair',
  title: '村务监督委员会主任',
  action: 'announcement.publish',
  records: [`an-${n}`],
})

/** Seals `batches` one after another, as the timer does, marking each entry with its seal. */
function sealed(batches: AuditEntry[][]): { seals: AuditSeal[]; head: AuditHead | null; entries: AuditEntry[] } {
  const seals: AuditSeal[] = []
  let head: AuditHead | null = null
  const entries: AuditEntry[] = []
  for (const batch of batches) {
    const seal = nextSeal(CHAIN, head, batch, '2026-12-07T00:00:00.000Z', sha256)
    seals.push(seal)
    head = { _id: CHAIN, seq: seal.seq, hash: seal.hash }
    for (const e of batch) if (!entries.some((x) => x._id === e._id)) entries.push({ ...e, seal: seal.seq })
  }
  return { seals, head, entries }
}

const verify = ({ seals, head, entries }: ReturnType<typeof sealed>) => verifyAuditChain(CHAIN, seals, head, entries, RETIRED_BEFORE, sha256)

describe('an audit chain, recomputed', () => {
  it('is intact as sealed, and counts what waits to be sealed apart from tampering', () => {
    const chain = sealed([[entry(1), entry(2)], [entry(3)]])
    chain.entries.push(entry(4))
    expect(verify(chain)).toMatchObject({ intact: true, seals: 2, sealed: 3, unsealed: 1, problems: [] })
  })

  it('locates an edited entry by its place in the chain', () => {
    const chain = sealed([[entry(1), entry(2)], [entry(3)]])
    chain.entries[2] = { ...chain.entries[2]!, name: '别人' }
    expect(verify(chain).problems).toEqual([{ kind: 'edited', position: 3, at: entry(3).at }])
  })

  it('flags a seal that lists an entry an earlier seal already listed, even with every hash recomputed', () => {
    // Someone able to rewrite seals lists entry 2 again in a seal of its own: the chain still hashes, the count of
    // sealed entries would be inflated and the entry's place ambiguous.
    const chain = sealed([
      [entry(1), entry(2)],
      [entry(2), entry(3)],
    ])
    expect(verify(chain).problems).toEqual([{ kind: 'sealEdited', position: 2, at: null }])
    expect(verify(sealed([[entry(1)], [entry(2), entry(3), entry(2)]])).problems).toEqual([{ kind: 'sealEdited', position: 2, at: null }])
  })

  it('is called complete only when something is sealed: over nothing sealed it says there is nothing to check yet', () => {
    expect(auditVerdictText(verify(sealed([[entry(1)]])))).toBe('审计记录完整')
    expect(auditVerdictText(verify({ seals: [], head: null, entries: [entry(1)] }))).toBe('还没有封存的记录，过几分钟再来核对')
    const edited = sealed([[entry(1)]])
    edited.entries[0] = { ...edited.entries[0]!, action: 'x' }
    expect(auditVerdictText(verify(edited))).toBe('审计记录有 1 处不对')
  })
})
