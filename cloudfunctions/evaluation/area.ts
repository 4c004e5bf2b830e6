import { evaluationContract } from '../../shared/evaluation/schema'
import { defineArea } from '../core/dispatch'
import { castBallot } from './ballots'
import { grantProxy, proxies, revokeProxy } from './proxies'
import { closeDue } from './closing'
import { enterPaper, roundCode } from './paper-entry'
import { answerRound, closeRound, getRound, listRounds, openRound, reportRectification, subjectHistory } from './rounds'

export const evaluationArea = defineArea(
  'evaluation',
  evaluationContract,
  { openRound, castBallot, closeRound, answerRound, getRound, listRounds, subjectHistory, proxies, grantProxy, revokeProxy, reportRectification, enterPaper, roundCode },
  closeDue,
)
