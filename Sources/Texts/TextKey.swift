/// Every text ilson prints through the catalogue, by key. Each key has a template in `Catalogue.korean` and
/// `Catalogue.english` with the same `{placeholders}` (TextsTests checks both).
public enum TextKey: String, Sendable, Hashable, CaseIterable {
    /// attendance outcome
    case statusPresent
    /// attendance outcome
    case statusNoShow
    /// attendance outcome
    case statusLate
    /// attendance outcome
    case statusLeftEarly
    /// no attendance outcome yet
    case statusNone
    /// roster state
    case rosterDraft
    /// roster state
    case rosterApproved
    /// roster state
    case rosterSending
    /// roster state
    case rosterSent
    /// roster state
    case rosterCancelled
    /// request status
    case requestSubmitted
    /// request status
    case requestCancelled
    /// request status
    case requestClosed
    /// a worker no longer on the day
    case unknownWorker
    /// rule 1 name
    case rule1
    /// rule 2 name
    case rule2
    /// rule 3 name
    case rule3
    /// rule 4 name
    case rule4
    /// other rule
    case ruleOther
    case unfilledHeadline
    case reasonSummarySkills
    case reasonSummaryAny
    case reasonNoHolderSkills
    case reasonNoHolderAny
    case reasonUnavailable
    case reasonBlocked
    case reasonTaken
    /// another request holding candidates
    case reasonTakenItem
    case reasonTakenItemMany
    case reasonWeeklyCap
    case reasonPool
    case reasonStay
    case reasonWindow
    case reasonNoVan
    case reasonSeats
    case reasonDayFull
    case reasonMinimumUnreachable
    case reasonMinimumTrade
    case reasonLeftFree
    case reasonChangedByHand
    case reasonUnknown
    /// more items than shown
    case listMore
    case explainAllFull
    case explainEntry
    case explainNow
    case explainExcluded
    case explainFailing
    case showNone
    case showHeader
    case colFarm
    case colRequest
    case colPickup
    case colTask
    case colHeadcount
    case colName
    case colPhone
    case colKm
    case colMark
    case colTime
    case colStatus
    case colHours
    case colNote
    case colEffect
    case colRank
    case markPinned
    case markForced
    case markConfirmed
    case showUnfilled
    case showWarnings
    case showReplies
    case showReply
    case warningPinBreaks
    case gapsTitle
    case gapsLine
    case pinDroppedStatus
    case pinDroppedInactive
    case pinDroppedDate
    case pinDroppedHeadcount
    case pinDroppedWeek
    case suggestHeader
    case suggestNobody
    case effectFilled
    case effectReplaces
    case effectTakes
    case effectBreaks
    case effectScore
    case attendanceNone
    case attendanceRecorded
    case reportTitle
    case groupingCategory
    case groupingTown
    case groupingTask
    case groupingFarm
    case colGroup
    case colWorkerDays
    case colAttended
    case colUnrecorded
    case colNoShow
    case colScheduled
    case colPeople
    case colFarms
    case colWanted
    case colFilled
    case colUnfilled
    case colAvgKm
    case reportLegend
    case reportUnrecorded
    case reportDemandTotal
    case reportTotal
    case reportUnknownGrouping
    case errRosterChanged
    case errRosterChangedVersion
    case errPastDay
    case doingPlanning
    case doingChanging
    case doingApproving
    case doingReopening
    case doingDeclining
    case doingReplacing
    case changeAssign
    case changeUnassign
    case changeReplan
    case changeApprove
    case dayOfAssign
    case dayOfUnassign
    case dayOfReplan
    case dayOfApprove
    case errAlreadyApproved
    case errAlreadyApprovedVersion
    case errApprovedReopen
    case errMessagesOut
    case errCancelledNoChange
    case errCancelled
    case errNoRoster
    case errCenterNoRoster
    case errBreaksRules
    case errCannotReopen
    case errWeekCap
    case actPin
    case actReplace
    case errBreaksPairRules
    /// a broken rule; rule is its name in Korean, its detail in English
    case pairRuleItem
    case actPinVerb
    case actReplaceVerb
    case errWorkerInactive
    case errNotPartOfDay
    case errAlreadyOn
    case errAlreadyOnPinned
    case errPinnedFull
    case errNotOnRequest
    case errNoRequest
    case errRequestOtherCenter
    case errRequestOtherDate
    case errRequestNotLive
    case errNoWorker
    case errRequestNotOnDay
    case errNoSubmittedRequest
    case argBadRequest
    case helpRequest
    case helpOneRequest
    case replyNew
    case replyConfirmed
    case replyDeclined
    case replyDuplicate
    case replyUnclear
    case replyLate
    case replyUnknown
    case replyConflict
    case catSenior
    case catYouth
    case catWomen
    case catDisabled
    case catForeign
    case catGeneral
    case errNoOutcome
    /// where a bad attendance entry is: a line of the file
    case attLine
    /// where a bad attendance entry is: a worker
    case attWorker
    case attNoDate
    case attNotYet
    case attNoAssignment
    case attOtherFarm
    case attHours
    case attNoShowHours
    case attTwice
    case attBadEntry
    case attBadEntries
    case attPhoneEmpty
    case attStatusEmpty
    case attBadStatus
    case attNoRows
    case errAlreadyDeclined
    case errNoAssignment
    case dayDeclined
    case errWithOrBest
    case errNobodyToReplace
    case errReplaceSelf
    case errAlreadyPlaced
    case errDeclinedThatDay
    case errNotPartOfDayWho
    case errVanished
    case errReplacementVanished
    case errNobodyFree
    case errNoGap
    case errReplanDrops
    case errNothingProposed
    case errBreaksRulesShort
    case dayFreeAgain
    case dayRequestCancelled
}
