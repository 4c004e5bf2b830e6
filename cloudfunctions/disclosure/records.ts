import type { Disclosure, DisclosureContent, Revision, Signature } from '../../shared/disclosure/schema'
import { type DisclosureKind, type DisclosureSection, GENESIS, linkPayload, searchTerms } from '../../shared/disclosure/rules'
import type { DisclosureTerm } from '../core/collections'
import type { StoreTx } from '../core/store'
import { sha256 } from '../core/hash'

/** The records one publication or correction writes; used by the handlers and by the demo seed alike. */
export interface DisclosureWrite {
  disclosure: Disclosure
  revision: Revision
}

export function firstPublication(args: {
  disclosureId: string
  villageId: string
  kind: DisclosureKind
  section: DisclosureSection
  public: boolean
  content: DisclosureContent
  at: string
  by: Signature
}): DisclosureWrite {
  const link = { revision: 1, content: args.content, reason: null, at: args.at, by: args.by, prevHash: GENESIS }
  const hash = sha256(linkPayload(link))
  return {
    disclosure: {
      _id: args.disclosureId,
      villageId: args.villageId,
      kind: args.kind,
      section: args.section,
      public: args.public,
      content: args.content,
      revision: 1,
      publishedAt: args.at,
      publishedBy: args.by,
      revisedAt: null,
      corrected: false,
      hash,
    },
    revision: { _id: `${args.disclosureId}:1`, disclosureId: args.disclosureId, villageId: args.villageId, ...link, hash },
  }
}

/** The next link of the chain: it points at the current head's hash. */
export function correction(current: Disclosure, content: DisclosureContent, reason: string, at: string, by: Signature): DisclosureWrite {
  const revision = current.revision + 1
  const link = { revision, content, reason, at, by, prevHash: current.hash }
  const hash = sha256(linkPayload(link))
  return {
    disclosure: { ...current, content, revision, revisedAt: at, corrected: true, hash },
    revision: { _id: `${current._id}:${revision}`, disclosureId: current._id, villageId: current.villageId, ...link, hash },
  }
}

/** Adds the bigram index entries a disclosure lacks; entries of earlier revisions stay (search re-checks). */
export async function indexTerms(tx: StoreTx, disclosure: Disclosure): Promise<void> {
  for (const term of searchTerms(disclosure.content)) {
    const entry: DisclosureTerm = {
      _id: `${disclosure._id}:${term}`,
      villageId: disclosure.villageId,
      term,
      kind: disclosure.kind,
      section: disclosure.section,
      publishedAt: disclosure.publishedAt,
      disclosureId: disclosure._id,
    }
    if (!(await tx.get('disclosure_term', entry._id))) await tx.insert('disclosure_term', entry)
  }
}
