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
    /// a roster's score
    case scoreText
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
    /// --help of IlsonCommand.IlsonCommand
    case aboutIlson
    /// --help of RosterCommand.RosterCommand
    case aboutRoster
    /// --help of RosterCommand.RosterPlan
    case aboutRosterPlan
    /// --help of RosterCommand.RosterShow
    case aboutRosterShow
    /// --help of RosterCommand.RosterExplain
    case aboutRosterExplain
    /// --help of RosterCommand.RosterAssign
    case aboutRosterAssign
    /// --help of RosterCommand.RosterUnassign
    case aboutRosterUnassign
    /// --help of RosterCommand.RosterApprove
    case aboutRosterApprove
    /// --help of RosterCommand.RosterReopen
    case aboutRosterReopen
    /// --help of RosterCommand.RosterSuggestCommand
    case aboutRosterSuggest
    /// --help of RosterCancelCommand.RosterCancelCommand
    case aboutRosterCancel
    /// --help of RosterDeclineCommand.RosterDeclineCommand
    case aboutRosterDecline
    /// --help of RosterReplaceCommand.RosterReplaceCommand
    case aboutRosterReplace
    /// --help of AttendanceCommand.AttendanceCommand
    case aboutAttendance
    /// --help of AttendanceCommand.Show
    case aboutAttendanceShow
    /// --help of AttendanceCommand.Record
    case aboutAttendanceRecord
    /// --help of AttendanceCommand.Import
    case aboutAttendanceImport
    /// --help of ReportCommand.ReportCommand
    case aboutReport
    /// --help of ReportCommand.ReportPlacements
    case aboutReportPlacements
    /// --help of BatchCommand.BatchCommand
    case aboutBatch
    /// --help of BatchCommand.Plan
    case aboutBatchPlan
    /// --help of BatchCommand.Send
    case aboutBatchSend
    /// --help of BatchCommand.Templates
    case aboutBatchTemplates
    /// --help of BatchCommand.Show
    case aboutBatchShow
    /// --help of BatchCommand.Set
    case aboutBatchSet
    /// --help of BatchCommand.Reset
    case aboutBatchReset
    /// --help of BatchRepliesCommand.RepliesJob
    case aboutBatchRepliesRepliesJob
    /// --help of ReplyCommand.ReplyCommand
    case aboutReply
    /// --help of ReplyCommand.Serve
    case aboutReplyServe
    /// --help of ReplyCommand.List
    case aboutReplyList
    /// --help of ReplyCommand.Settings
    case aboutReplySettings
    /// --help of CenterCommand.CenterCommand
    case aboutCenter
    /// --help of CenterCommand.Add
    case aboutCenterAdd
    /// --help of CenterCommand.List
    case aboutCenterList
    /// --help of CenterCommand.Edit
    case aboutCenterEdit
    /// --help of FarmCommand.FarmCommand
    case aboutFarm
    /// --help of FarmCommand.Add
    case aboutFarmAdd
    /// --help of FarmCommand.List
    case aboutFarmList
    /// --help of FarmCommand.Import
    case aboutFarmImport
    /// --help of FarmerCommand.FarmerCommand
    case aboutFarmer
    /// --help of FarmerCommand.Add
    case aboutFarmerAdd
    /// --help of FarmerCommand.List
    case aboutFarmerList
    /// --help of WorkerCommand.WorkerCommand
    case aboutWorker
    /// --help of WorkerCommand.Add
    case aboutWorkerAdd
    /// --help of WorkerCommand.List
    case aboutWorkerList
    /// --help of WorkerCommand.Show
    case aboutWorkerShow
    /// --help of WorkerCommand.Edit
    case aboutWorkerEdit
    /// --help of WorkerCommand.Deactivate
    case aboutWorkerDeactivate
    /// --help of WorkerCommand.Availability
    case aboutWorkerAvailability
    /// --help of WorkerCommand.Import
    case aboutWorkerImport
    /// --help of RequestCommand.RequestCommand
    case aboutRequest
    /// --help of RequestCommand.Submit
    case aboutRequestSubmit
    /// --help of RequestCommand.Edit
    case aboutRequestEdit
    /// --help of RequestCommand.List
    case aboutRequestList
    /// --help of RequestCommand.Show
    case aboutRequestShow
    /// --help of RequestCommand.Cancel
    case aboutRequestCancel
    /// --help of RequestCommand.Import
    case aboutRequestImport
    /// --help of UserCommand.UserCommand
    case aboutUser
    /// --help of UserCommand.Add
    case aboutUserAdd
    /// --help of UserCommand.List
    case aboutUserList
    /// --help of UserCommand.Whoami
    case aboutUserWhoami
    /// --help of UserCommand.Workers
    case aboutUserWorkers
    /// --help of DBCommand.DBCommand
    case aboutDB
    /// --help of DBCommand.Migrate
    case aboutDBMigrate
    /// --help of DBCommand.Status
    case aboutDBStatus
    /// --help of DBCommand.Roles
    case aboutDBRoles
    /// --help of SolveCommand.SolveCommand
    case aboutSolve
    /// --help of ScoreCommand.ScoreCommand
    case aboutScore
    /// --help of GenerateCommand.GenerateCommand
    case aboutGenerate
    /// --help of ExportInstanceCommand.ExportInstanceCommand
    case aboutExportInstance
    case optCenter
    case optDay
    case optDayCenter
    case optDatabaseURL
    case optDatabaseURLMore
    case optFormatAll
    case optFormatTable
    case lineAlreadyPinned
    case lineMovedOff
    case lineTookOffForRoom
    case linePinnedKept
    case linePinned
    case linePinnedFarm
    case lineForgotUnassign
    case lineTookOff
    case lineReplacedBy
    case lineDeclineNow
    case lineNobodyQualifies
    case planWarning
    case replyBackfilled
    case replyBackfillPinned
    case replyNoBackfill
    case replyWaiting
    case replyNobodyElse
    case replySuggested
    case planHeader
    case planNew
    case planMessagesOut
    case planFilled
    case planScore
    case planScoreWas
    case warningLine
    case warningForced
    case planStats
    case rosterVersionScore
    case approveDone
    case approveNotices
    case reopenAlready
    case reopenDone
    case errTemplateStored
    case errTemplateSlot
    case errTemplateInvalid
    case errTemplateLongest
    case errAlreadyCancelled
    case errCancellationNotice
    case errComposeNotice
    case errDeadline
    case errNoCenterCode
    case errNoCentersHint
    case errKnownCenters
    case errNoCenters
    case errSeveralCenters
    case errNotADate
    case errNotARange
    case errRangeBackwards
    case errNoDateOption
    case attRecordedLine
    case attCorrectedLine
    case attSummary
    case attStillMissing
    /// --help of RosterCallsCommand
    case aboutRosterCalls
    case callsNobody
    case callsCount
    case colReason
    case colStart
    case colNumber
    case dayOfHeader
    case dayOfWithdrawn
    case dayOfCall
    case dayOfDeliverNow
    case colHoursSum
    case reportHoursLegend
    case groupingPool
    /// a cell that is not a whole number
    case errCellNotWhole
    /// a cell that is not a plain decimal
    case errCellNotDecimal
    /// a column named twice in a sheet's header
    case errColumnTwice
    /// required columns missing from a sheet
    case errColumnsMissing
    /// a sheet with bad rows, nothing imported
    case errBadRows
    /// one bad row of a sheet
    case errBadRowLine
    /// what an import did
    case importSummary
    /// rows an import left for a coordinator
    case importReportedHeader
    /// header names an import ignored
    case importIgnoredColumns
    /// the workers of an import summary
    case importWorkers
    /// the farms of an import summary
    case importFarms
    /// the requests of an import summary
    case importRequests
    /// availability ranges an import added
    case importAvailabilityAdded
    /// farmers an import added
    case importFarmersAdded
    /// a worker twice in one sheet
    case errWorkerTwice
    /// a farm twice in one sheet
    case errFarmTwice
    /// an availability end without a start
    case errAvailableToAlone
    /// an availability end before its start
    case errAvailableBackwards
    /// coordinates that are no place on earth
    case errNotAPlace
    /// a farm or worker with no place
    case errNoLocation
    /// only one of lat and lon
    case errLatLonTogether
    /// a phone that is not a mobile number
    case errNotAMobile
    /// a required field left empty
    case errFieldMissing
    /// a field over its length
    case errFieldTooLong
    /// a field holding a control character
    case errFieldControl
    /// a one-line field
    case fieldOneLine
    /// a several-line field
    case fieldPlainText
    /// a control character
    case controlLineBreak
    /// a control character
    case controlTab
    /// a control character
    case controlNul
    /// a control character
    case controlOther
    /// a worker category not known
    case errNotACategory
    /// a yes/no cell that is neither
    case errNotYesNo
    /// a skill code with other characters
    case errNotASkillCode
    /// a time that is not HH:MM
    case errNotATime
    /// a farm code with other characters
    case errNotAFarmCode
    /// a sheet's farm code unknown to the center
    case errFarmNotInCenter
    /// a sheet's farm code of another center
    case errFarmOfOtherCenter
    /// a request twice in one sheet
    case errRequestRowTwice
    /// a sheet's line and request in a report
    case importLineLabel
    /// a new row for a past day, not imported
    case importPastNew
    /// a changed row for a past day, not changed
    case importPastChanged
    /// a changed row for a day whose roster is approved
    case importLocked
    /// jobs an import created
    case importJobsCreated
    /// a request's start not before its end
    case errStartNotBeforeEnd
    /// a number outside its range
    case errValueRange
    /// a minimum headcount below one
    case errMinAtLeastOne
    /// a minimum over the headcount
    case errMinOverHeadcount
    /// a wage outside its range
    case errWageRange
    /// a travel limit outside its range
    case errTravelRange
    /// a required value left out, with an example
    case errMissingExample
    /// a required value left out
    case errMissing
    /// a request's date in the past
    case errDatePast
    /// a request that exists already
    case errRequestExists
    /// a farm code taken in the center
    case errFarmExists
    /// a farm code unknown to the center
    case errFarmNotFound
    /// a request number unknown to the center
    case errRequestNotFound
    /// a request cancelled twice
    case errRequestAlreadyCancelled
    /// a new worker without a name
    case errWorkerNeedsName
    /// a new worker without a phone
    case errWorkerNeedsPhone
    /// a center code with other characters
    case errCenterCode
    /// a farm named in a message
    case whatFarm
    /// a worker named in a message
    case whatWorker
    /// --help discussion (AttendanceCommand.swift)
    case helpAttendance0
    /// --help discussion (AttendanceCommand.swift)
    case helpAttendance1
    /// --help discussion (AuditCommand.swift)
    case helpAudit0
    /// --help discussion (BatchCommand.swift)
    case helpBatch0
    /// --help discussion (BatchCommand.swift)
    case helpBatch1
    /// --help discussion (BatchRepliesCommand.swift)
    case helpBatchReplies0
    /// --help discussion (CatalogueCommand.swift)
    case helpCatalogue0
    /// --help discussion (CatalogueCommand.swift)
    case helpCatalogue1
    /// --help discussion (CenterPolicyCommand.swift)
    case helpCenterPolicy0
    /// --help discussion (DBCheckCommand.swift)
    case helpDBCheck0
    /// --help discussion (DBCommand.swift)
    case helpDB0
    /// --help discussion (DBCommand.swift)
    case helpDB1
    /// --help discussion (FarmCommand.swift)
    case helpFarm0
    /// --help discussion (FarmProfileCommand.swift)
    case helpFarmProfile0
    /// --help discussion (GenerateCommand.swift)
    case helpGenerate0
    /// --help discussion (PickupCommand.swift)
    case helpPickup0
    /// --help discussion (PickupCommand.swift)
    case helpPickup1
    /// --help discussion (ReplyCommand.swift)
    case helpReply0
    /// --help discussion (ReplyCommand.swift)
    case helpReply1
    /// --help discussion (ReportCommand.swift)
    case helpReport0
    /// --help discussion (RequestCommand.swift)
    case helpRequest0
    /// --help discussion (RosterCallsCommand.swift)
    case helpRosterCalls0
    /// --help discussion (RosterCancelCommand.swift)
    case helpRosterCancel0
    /// --help discussion (RosterDeclineCommand.swift)
    case helpRosterDecline0
    /// --help discussion (RosterPrintCommand.swift)
    case helpRosterPrint0
    /// --help discussion (RosterReplaceCommand.swift)
    case helpRosterReplace0
    /// --help discussion (TargetCommand.swift)
    case helpTarget0
    /// --help discussion (UserCommand.swift)
    case helpUser0
    /// --help: the heading of an import's columns
    case helpColumns
    /// --help discussion (farm import)
    case helpFarmImport
    /// --help discussion (request import)
    case helpRequestImport
    /// --help discussion (worker import)
    case helpWorkerImport
    /// --help discussion (batch templates set)
    case helpTemplateSlots
    /// a request number of another center
    case errRequestOfOtherCenter
    /// a farmer's cancel of a request on an approved roster
    case errRequestLockedFarmer
    /// a change to a past request
    case errRequestPast
    /// a change to a request on an approved roster
    case errRequestLocked
    /// a center code taken
    case errCenterExists
    /// an SMS sender number that is not one
    case errNotASender
    /// a farmer's phone taken
    case errFarmerExists
    /// a farmer unknown to the center
    case errFarmerNotFound
    /// command abstract
    case aboutAudit
    /// command abstract
    case aboutAuditShow
    /// command abstract
    case aboutPolicy
    /// command abstract
    case aboutPolicyShow
    /// command abstract
    case aboutPolicySet
    /// command abstract
    case aboutDBCheck
    /// command abstract
    case aboutFarmProfileSet
    /// command abstract
    case aboutFarmProfileShow
    /// command abstract
    case aboutPickup
    /// command abstract
    case aboutPickupAdd
    /// command abstract
    case aboutPickupList
    /// command abstract
    case aboutPickupFarm
    /// command abstract
    case aboutPickupImport
    /// command abstract
    case aboutRosterPrint
    /// command abstract
    case aboutRosterMap
    /// command abstract
    case aboutTarget
    /// command abstract
    case aboutTargetSet
    /// command abstract
    case aboutTargetList
    /// command abstract
    case aboutTargetReport
    /// option help
    case opt1
    /// option help
    case opt2
    /// option help
    case opt3
    /// option help
    case opt4
    /// option help
    case opt5
    /// option help
    case opt6
    /// option help
    case opt7
    /// option help
    case opt8
    /// option help
    case opt9
    /// option help
    case opt10
    /// option help
    case opt11
    /// option help
    case opt12
    /// option help
    case opt13
    /// option help
    case opt14
    /// option help
    case opt15
    /// option help
    case opt16
    /// option help
    case opt17
    /// option help
    case opt18
    /// option help
    case opt19
    /// option help
    case opt20
    /// option help
    case opt21
    /// option help
    case opt22
    /// option help
    case opt23
    /// option help
    case opt24
    /// option help
    case opt25
    /// option help
    case opt26
    /// option help
    case opt27
    /// option help
    case opt28
    /// option help
    case opt29
    /// option help
    case opt30
    /// option help
    case opt31
    /// option help
    case opt32
    /// option help
    case opt33
    /// option help
    case opt34
    /// option help
    case opt35
    /// option help
    case opt36
    /// option help
    case opt37
    /// option help
    case opt38
    /// option help
    case opt39
    /// option help
    case opt40
    /// option help
    case opt41
    /// option help
    case opt42
    /// option help
    case opt43
    /// option help
    case opt44
    /// option help
    case opt45
    /// option help
    case opt46
    /// option help
    case opt47
    /// option help
    case opt48
    /// option help
    case opt49
    /// option help
    case opt50
    /// option help
    case opt51
    /// option help
    case opt52
    /// option help
    case opt53
    /// option help
    case opt54
    /// option help
    case opt55
    /// option help
    case opt56
    /// option help
    case opt57
    /// option help
    case opt58
    /// option help
    case opt59
    /// option help
    case opt60
    /// option help
    case opt61
    /// option help
    case opt62
    /// option help
    case opt63
    /// option help
    case opt64
    /// option help
    case opt65
    /// option help
    case opt66
    /// option help
    case opt67
    /// option help
    case opt68
    /// option help
    case opt69
    /// option help
    case opt70
    /// option help
    case opt71
    /// option help
    case opt72
    /// option help
    case opt73
    /// option help
    case opt74
    /// option help
    case opt75
    /// option help
    case opt76
    /// option help
    case opt77
    /// option help
    case opt78
    /// option help
    case opt79
    /// option help
    case opt80
    /// option help
    case opt81
    /// option help
    case opt82
    /// option help
    case opt83
    /// option help
    case opt84
    /// option help
    case opt85
    /// option help
    case opt86
    /// option help
    case opt87
    /// option help
    case opt88
    /// option help
    case opt89
    /// option help
    case opt90
    /// option help
    case opt91
    /// option help
    case opt92
    /// option help
    case opt93
    /// option help
    case opt94
    /// option help
    case opt95
    /// option help
    case opt96
    /// option help
    case opt97
    /// option help
    case opt98
    /// option help
    case opt99
    /// option help
    case opt100
    /// option help
    case opt101
    /// option help
    case opt102
    /// option help
    case opt103
    /// option help
    case opt104
    /// option help
    case opt105
    /// option help
    case opt106
    /// option help
    case opt107
    /// option help
    case opt108
    /// option help
    case opt109
    /// option help
    case opt110
    /// option help
    case opt111
    /// option help
    case opt112
    /// option help
    case opt113
    /// option help
    case opt114
    /// option help
    case opt115
    /// option help
    case opt116
    /// option help
    case opt117
    /// option help
    case opt118
    /// option help
    case opt119
    /// option help
    case opt120
    /// option help
    case opt121
    /// option help
    case opt122
    /// option help
    case opt123
    /// option help
    case opt124
    /// option help
    case opt125
    /// option help
    case opt126
    /// option help
    case opt127
    /// option help
    case opt128
    /// option help
    case opt129
    /// option help
    case opt130
    /// option help
    case opt131
    /// option help
    case opt132
    /// option help
    case opt133
    /// option help
    case opt134
    /// option help
    case opt135
    /// option help
    case opt136
    /// option help
    case opt137
    /// option help
    case opt138
    /// option help
    case opt139
    /// option help
    case opt140
    /// option help
    case opt141
    /// option help
    case opt142
    /// option help
    case opt143
    /// option help
    case opt144
    /// option help
    case opt145
    /// option help
    case opt146
    /// option help
    case opt147
    /// option help
    case opt148
    /// option help
    case opt149
    /// option help
    case opt150
    /// option help
    case opt151
    /// option help
    case opt152
    /// option help
    case opt153
    /// option help
    case opt154
    /// option help
    case opt155
    /// option help
    case opt156
    /// option help
    case opt157
    /// option help
    case opt158
    /// option help
    case opt159
    /// option help
    case opt160
    /// option help
    case opt161
    /// option help
    case opt162
    /// option help
    case opt163
    /// option help
    case opt164
    /// option help
    case opt165
    /// option help
    case opt166
    /// option help
    case opt167
    /// option help
    case opt168
    /// option help
    case opt169
    /// option help
    case opt170
    /// option help
    case opt171
    /// option help
    case opt172
    /// option help
    case opt173
    /// option help
    case opt174
    /// option help
    case opt175
    /// option help
    case opt176
    /// option help
    case opt177
    /// option help
    case opt178
    /// option help
    case opt179
    /// option help
    case opt180
    /// user add: a farmer login without --farmer
    case errUserFarmerNeedsId
    /// user add: --farmer on another login
    case errUserOnlyFarmerHasFarmer
    /// user add: --center on an admin login
    case errUserAdminNoCenter
    /// user add: a coordinator without a center
    case errUserCoordinatorNeedsCenter
    /// user add: a center needed
    case errUserGiveCenter
    /// user add: a farmer by phone without a center
    case errUserFarmerByPhoneNeedsCenter
    /// user add: a farmer unknown
    case errUserNoFarmer
    /// farmer workers as another login
    case errFarmerWorkersOnly
    /// a login name too long or empty
    case errLoginLength
    /// a login name with control characters
    case errLoginControl
    /// a login name with a reserved prefix
    case errLoginPrefix
    /// a login name PostgreSQL reserves
    case errLoginReserved
    /// a password too short
    case errPasswordShort
    /// a password with a NUL
    case errPasswordNul
    /// user add by a non-admin
    case errOnlyAdminAddsUsers
    /// a role name taken
    case errRoleExists
    /// option help (batch send --max-wait)
    case helpMaxWait
    /// option help (center add --county)
    case helpCenterCounty
}
