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
    case helpFarmCode
    /// option help
    case helpFirstDayYyyyMm
    /// option help
    case helpConsecutiveDays
    /// option help
    case helpStartHhMm
    /// option help
    case helpEndHhMm
    /// option help
    case helpTaskKoreanNameCode
    /// option help
    case helpRequiredSkillsCommaSeparated
    /// option help
    case helpPeopleWanted
    /// option help
    case helpFewestPeopleWorthGoing
    /// option help
    case helpDayWageKrw
    /// option help
    case helpFarthestWorkerMayCome
    /// option help
    case helpInsteadCenterSPolicy
    /// option help
    case helpHigherFilledFirstOverrides
    /// option help
    case helpWhyPriorityDiffersPolicy
    /// option help
    case helpTakePriorityCenterS
    /// option help
    case helpFewestPeopleWorthGoing2
    /// option help
    case helpDay
    /// option help
    case helpFirstDay
    /// option help
    case helpLastDay
    /// option help
    case helpOnlyFarm
    /// option help
    case helpCancelEveryRemainingDay
    /// option help
    case helpWhy
    /// option help
    case helpHomePickupLatitude
    /// option help
    case helpHomePickupLongitude
    /// option help
    case helpVillageCenterSCounty
    /// option help
    case helpSkillsKoreanNameCode
    /// option help
    case helpSeniorYouthWomenDisabled
    /// option help
    case helpFarthestFarmHomeKm
    /// option help
    case helpMostDaysWeek
    /// option help
    case helpYN
    /// option help
    case helpFarmCodesWorkerMay
    /// option help
    case helpName
    /// option help
    case helpMobileNumberUniqueCenter
    /// option help
    case helpIncludeDeactivatedWorkers
    /// option help
    case helpPhoneId
    /// option help
    case helpNewName
    /// option help
    case helpNewMobileNumber
    /// option help
    case helpDateRange
    /// option help
    case helpWorkerOffTheseDays
    /// option help
    case helpNote
    /// option help
    case helpOnlyTimeDate
    /// option help
    case helpOnlyUntilTimeDate
    /// option help
    case helpFarmCodeWithinCenter
    /// option help
    case helpFarmName
    /// option help
    case helpFarmerSPhoneId
    /// option help
    case helpLatitude
    /// option help
    case helpLongitude
    /// option help
    case helpVillageCenterSCounty2
    /// option help
    case helpStreetAddress
    /// option help
    case helpWhereWorkersGather
    /// option help
    case helpTheyGatherHhMm
    /// option help
    case helpRefuseUnlessRosterStill
    /// option help
    case helpSeedTieBreakingBetween
    /// option help
    case helpWorkerPhoneNumberId
    /// option help
    case helpPinEvenPairBreaks
    /// option help
    case helpWhyKeptAuditLog
    /// option help
    case helpWhyKeptAuditLog2
    /// option help
    case helpHowManyList
    /// option help
    case helpWorkersWhoCame
    /// option help
    case helpWorkersWhoDidNot
    /// option help
    case helpWorkersWhoCameLate
    /// option help
    case helpWorkersWhoLeftEarly
    /// option help
    case helpHoursWorkedWorkersNamed
    /// option help
    case helpNoteKeptOutcomesWorkers
    /// option help
    case helpRequestWorkersNamedHad
    /// option help
    case helpDayRowsWithoutDate
    /// option help
    case helpFirstDayYyyyMm2
    /// option help
    case helpLastDayYyyyMm
    /// option help
    case helpCategoryTownTaskFarm
    /// option help
    case helpTableCsvHtml
    /// option help
    case helpWorkerWhoCannotCome
    /// option help
    case helpRequestWorkerHasSeveral
    /// option help
    case helpReplacementPhoneId
    /// option help
    case helpTakeTopSuggestionAmong
    /// option help
    case helpPinReplacementEvenThough
    /// option help
    case helpWhyWordTwo
    /// option help
    case helpDeliverNoticesNow
    /// option help
    case helpWorkerPhoneId
    /// option help
    case helpWhyWordTwo2
    /// option help
    case helpHowManyReplacementsList
    /// option help
    case helpWhyWordTwo3
    /// option help
    case helpDeliverCancellationNoticesNow
    /// option help
    case helpMobileNumber
    /// option help
    case helpCsvFile
    /// option help
    case helpWriteEmptySheetKorean
    /// option help
    case helpShortCodeLettersDigits
    /// option help
    case helpName2
    /// option help
    case helpRegisteredSmsSenderNumber
    /// option help
    case helpCenterSCode
    /// option help
    case helpNewRegisteredSmsSender
    /// option help
    case helpCenterSCountyName
    /// option help
    case helpDayChangesMadeDay
    /// option help
    case helpWorkerSPhoneNumber
    /// option help
    case helpFarmCode2
    /// option help
    case helpMostManyChanges
    /// option help
    case helpDayYyyyMmDd
    /// option help
    case helpOnlyCenter
    /// option help
    case helpMessagesFlightOnce
    /// option help
    case helpAssignmentFarmerListCancellation
    /// option help
    case helpUtfFileHoldingTemplate
    /// option help
    case helpTemplateTextItself
    /// option help
    case helpDoNotDeliverNotices
    /// option help
    case helpSecondsDeliveryQueuedNotices
    /// option help
    case helpRepliesFetchedPerRequest
    /// option help
    case helpTableCsvJson
    /// option help
    case helpKoreanName
    /// option help
    case helpStableCodeLowercaseLetters
    /// option help
    case helpNameCodeHasNow
    /// option help
    case helpNewKoreanName
    /// option help
    case helpBasePriority
    /// option help
    case helpFarmUnderManyHa
    /// option help
    case helpPointsSmallFarm
    /// option help
    case helpPointsFarmHitDisaster
    /// option help
    case helpAgeWhichElderlyFarmer
    /// option help
    case helpPointsElderlyFarmerNo
    /// option help
    case helpPointsWomanFarmer
    /// option help
    case helpPointsSeverelyDisabledFarmer
    /// option help
    case helpPointsFarmNoFamily
    /// option help
    case helpWriteScriptFileInstead
    /// option help
    case helpTakeMigrationsDirectoryInstead
    /// option help
    case helpWhereWriteInstance
    /// option help
    case helpCultivatedAreaHectares
    /// option help
    case helpHitDisasterIllnessUntil
    /// option help
    case helpFarmerSYearBirth
    /// option help
    case helpWomanFarmer
    /// option help
    case helpSeverelyDisabledFarmer
    /// option help
    case helpNoFamilyLaborFarm
    /// option help
    case helpNumberWorkers
    /// option help
    case helpRequestsPerDay
    /// option help
    case helpNumberConsecutivePlanDays
    /// option help
    case helpRandomSeed
    /// option help
    case helpFirstPlanDay
    /// option help
    case helpBalancedScarceSurplusSkills
    /// option help
    case helpWriteHereInsteadStandard
    /// option help
    case helpAlsoWriteFarmsCsv
    /// option help
    case helpCountyNameDigitCode
    /// option help
    case helpPrintSizesCandidatePairs
    /// option help
    case helpVersionMix
    /// option help
    case helpVShareHalfDay
    /// option help
    case helpVShareDaySeasonal
    /// option help
    case helpNameUniqueCenter
    /// option help
    case helpVillageCounty
    /// option help
    case helpSeatsRiders
    /// option help
    case helpPickupPointNamesComma
    /// option help
    case helpFarmHasNoVan
    /// option help
    case helpAddressPortListen
    /// option help
    case helpEveryReplyDayAlso
    /// option help
    case helpOff
    /// option help
    case helpHhMmEveningBefore
    /// option help
    case helpOffReminderSmsWorkers
    /// option help
    case helpPoolsMayFillComma
    /// option help
    case helpSeatsVanCollectsRiders
    /// option help
    case helpPickupPointsVanStops
    /// option help
    case helpHtmlFileWrite
    /// option help
    case helpAlsoPrintPdfFile
    /// option help
    case helpMaskPhoneNumbers
    /// option help
    case helpSvgFileWrite
    /// option help
    case helpPlanFile
    /// option help
    case helpWhereWritePlan
    /// option help
    case helpStopAfterManySeconds
    /// option help
    case helpWorkBudgetWholeSolve
    /// option help
    case helpSeedTieBreakingSame
    /// option help
    case helpInstanceFile
    /// option help
    case helpYear
    /// option help
    case helpTargetGroup
    /// option help
    case helpPool
    /// option help
    case helpWorkerDaysPlannedYear
    /// option help
    case helpOnlyYear
    /// option help
    case helpTableCsvHtml2
    /// option help
    case helpFarmerCoordinatorBatchAdmin
    /// option help
    case helpLoginNameKimJc
    /// option help
    case helpReadPasswordFile
    /// option help
    case helpFarmerLoginFarmerS
    /// option help
    case helpOnlyDay
    /// option help
    case helpDefault
    /// option help
    case helpMostJobsDay
    /// option help
    case helpMostMinutesWorkDay
    /// option help
    case helpLastDateWorkerMay
    /// option help
    case helpVisaTypeNone
    /// option help
    case helpWhetherWorkerTravelsOwn
    /// option help
    case helpPickupPointWorkerCan
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
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errVillageAmbiguous
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errVillageMore
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errVillageNotInCounty
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errVillageUnknown
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errVillageClose
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errVillageHint
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errOutsideKorea
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errFarFromCounty
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case importPhonesRestored
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errNotAPool
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errMaxJobsRange
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errMaxMinutesRange
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errNotAVisa
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errNotYesNoCar
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errPickupNameLong
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case errPickupTwice
    /// registry error (village, coordinates, version 2 worker fields, pickup points)
    case pickupPointNamed
    /// import file error (CSV reading)
    case csvNotText
    /// import file error (CSV reading)
    case csvInvalidByte
    /// import file error (CSV reading)
    case csvNulByte
    /// import file error (CSV reading)
    case csvUnterminatedQuote
    /// import file error (CSV reading)
    case csvFieldCount
    /// import file error (CSV reading)
    case csvEmpty
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteNoNotice
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteRosterCancelled
    /// reply note (stored as a code, read in the reader's language)
    case replyNotePassed
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteUnreadable
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteNoAssignment
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteAlreadyOff
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteAnsweredAfterOff
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteSameAgain
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteConfirmed
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteAlready
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteConfirmedAfter
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteAssignmentIs
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteCouldNotAct
    /// reply note (stored as a code, read in the reader's language)
    case replyNoteUnknownError
    /// an assignment's state in a reply note
    case assignmentProposed
    /// an assignment's state in a reply note
    case assignmentApproved
    /// an assignment's state in a reply note
    case assignmentConfirmed
    /// an assignment's state in a reply note
    case assignmentDeclined
    /// an assignment's state in a reply note
    case assignmentCancelled
    /// an assignment's state in a reply note
    case assignmentNoShow
    /// a worker's answer in a reply note
    case replyAnswerConfirm
    /// a worker's answer in a reply note
    case replyAnswerDecline
    /// roster calls: silent workers and replies for a person
    case callToldAfterDeadline
    /// roster calls: silent workers and replies for a person
    case callNoAnswerByDeadline
    /// roster calls: silent workers and replies for a person
    case callUnknownNumber
    /// roster calls: silent workers and replies for a person
    case callReply
    /// database and lower-layer errors (the server's own text kept as it is)
    case errDatabaseLost
    /// database and lower-layer errors (the server's own text kept as it is)
    case errDatabaseLostIt
    /// database and lower-layer errors (the server's own text kept as it is)
    case errDatabaseUnreachable
    /// database and lower-layer errors (the server's own text kept as it is)
    case errDatabaseUnknownTarget
    /// database and lower-layer errors (the server's own text kept as it is)
    case errSettingsFrom
    /// database and lower-layer errors (the server's own text kept as it is)
    case errSettingsFromLibpq
    /// database and lower-layer errors (the server's own text kept as it is)
    case errPermissionServer
    /// database and lower-layer errors (the server's own text kept as it is)
    case errPermissionDenied
    /// database and lower-layer errors (the server's own text kept as it is)
    case errSchemaOld
    /// database and lower-layer errors (the server's own text kept as it is)
    case errHint
    /// database and lower-layer errors (the server's own text kept as it is)
    case errRolesSuperuser
    /// database and lower-layer errors (the server's own text kept as it is)
    case errDatabaseURL
    /// database and lower-layer errors (the server's own text kept as it is)
    case errDatabaseURLSettings
    /// database and lower-layer errors (the server's own text kept as it is)
    case errIlsonToday
    /// database and lower-layer errors (the server's own text kept as it is)
    case errPeriodBackwards
    /// database and lower-layer errors (the server's own text kept as it is)
    case errPeriodTooLong
    /// configuration
    case configCommandLine
    /// configuration
    case configMissingFile
    /// configuration
    case configUnreadableFile
    /// configuration
    case configBadLine
    /// configuration
    case configExpectedKeyValue
    /// configuration
    case configUnknownSetting
    /// db migrate / status / roles
    case dbApplying
    /// db migrate / status / roles
    case dbAlreadyUpToDate
    /// db migrate / status / roles
    case dbApplied
    /// db migrate / status / roles
    case dbCountyAssigned
    /// db migrate / status / roles
    case dbNoMigrations
    /// db migrate / status / roles
    case dbStateApplied
    /// db migrate / status / roles
    case dbStatePending
    /// db migrate / status / roles
    case dbStateChanged
    /// db migrate / status / roles
    case dbStateUnknownFile
    /// db migrate / status / roles
    case dbUpToDate
    /// db migrate / status / roles
    case dbPending
    /// db migrate / status / roles
    case dbRolesWritten
    /// db migrate / status / roles
    case dbTarget
    /// files
    case errCannotWrite
    /// files
    case errCannotWriteWhy
    /// table headers
    case colCode
    /// table headers
    case colSmsSender
    /// table headers
    case colCounty
    /// table headers
    case colCategory
    /// table headers
    case colVillage
    /// table headers
    case colSkills
    /// table headers
    case colMaxKm
    /// table headers
    case colDaysPerWeek
    /// table headers
    case colSms
    /// table headers
    case colAllowedFarms
    /// table headers
    case colActive
    /// table headers
    case colFarmer
    /// table headers
    case colMeetingPoint
    /// table headers
    case colLogin
    /// table headers
    case colKind
    /// table headers
    case colCenter
    /// table headers
    case colCreatedBy
    /// table headers
    case colDate
    /// table headers
    case colWorker
    /// table headers
    case colAnswer
    /// table headers
    case colRide
    /// center commands
    case centerAdded
    /// center commands
    case centerAddedPlace
    /// center commands
    case centerNothingToChange
    /// center commands
    case centerCounty
    /// center commands
    case centerEdited
    /// center commands
    case centerNoSender
    /// worker commands
    case workerAdded
    /// worker commands
    case workerCount
    /// worker commands
    case workerShowHead
    /// worker commands
    case workerInactive
    /// worker commands
    case workerEveryDay
    /// worker commands
    case workerOff
    /// worker commands
    case workerAvailable
    /// worker commands
    case workerChanged
    /// worker commands
    case workerUnchanged
    /// worker commands
    case workerDeactivated
    /// worker commands
    case workerAvailabilityRecorded
    /// worker commands
    case workerAvailabilityAlready
    /// farm and farmer commands
    case farmAdded
    /// farm and farmer commands
    case farmerAdded
    /// user commands
    case helpPasswordStdin
    /// user commands
    case helpUserCenter
    /// user commands
    case errUserRole
    /// user commands
    case userKindFarmer
    /// user commands
    case userKindCoordinator
    /// user commands
    case userKindBatch
    /// user commands
    case userKindAdmin
    /// user commands
    case userScopeCenter
    /// user commands
    case userScopeFarmer
    /// user commands
    case userAdded
    /// user commands
    case userScope
    /// user commands
    case errPasswordFile
    /// user commands
    case errPasswordBoth
    /// user commands
    case errPasswordMissing
    /// user commands
    case errPasswordNotText
    /// user commands
    case whoamiUser
    /// user commands
    case whoamiCenter
    /// user commands
    case whoamiFarmer
    /// user commands
    case whoamiSuperuser
    /// user commands
    case whoamiNobody
    /// user commands
    case colWorkHours
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case batchPlanNothing
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case errCannotReadText
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case errTemplateMissing
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case templateSaved
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case templateReset
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case templateDefault
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case errGatewayBeforeChange
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case errGatewayStopped
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendNoRoster
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendDraft
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendLocked
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendFailed
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendSummary
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendStateCount
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendRun
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendUncomposed
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendFailedMessage
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendStillWaiting
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case sendCall
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case outboxPending
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case outboxSending
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case outboxSent
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case outboxFailed
    /// batch plan / send / templates (the summary a coordinator reads in the cron mail or after roster cancel --send)
    case outboxWithdrawn
    /// generate
    case genRange
    /// generate
    case genRequestsRange
    /// generate
    case genSeed
    /// generate
    case genFlavor
    /// generate
    case genStart
    /// generate
    case genNeedsV2
    /// generate
    case genCP949
    /// generate
    case genFarmsNote
    /// generate
    case genWorkersNote
    /// generate
    case genRequestsNote
    /// generate
    case genCannotCreateDirectory
    /// generate
    case genWrote
    /// generate
    case genLeftOut
    /// solve, score, export instance
    case errCannotReadInstance
    /// solve, score, export instance
    case errInstanceErrors
    /// solve, score, export instance
    case errCannotReadPlan
    /// solve, score, export instance
    case exportWrote
    /// roster print / map
    case errOutNeedsName
    /// roster print / map
    case printWrote
    /// roster print / map
    case printPickupsNone
    /// roster print / map
    case printPickupsPages
    /// roster print / map
    case printNoBrowser
    /// roster print / map
    case printPDF
    /// roster print / map
    case printBrowserFailed
    /// roster print / map
    case mapNoCounty
    /// roster print / map
    case mapWrote
    /// replies serve / list / settings, batch replies
    case errListen
    /// replies serve / list / settings, batch replies
    case errReplySecret
    /// replies serve / list / settings, batch replies
    case serveListening
    /// replies serve / list / settings, batch replies
    case serveUnavailable
    /// replies serve / list / settings, batch replies
    case serveLog
    /// replies serve / list / settings, batch replies
    case serveStopped
    /// replies serve / list / settings, batch replies
    case repliesNone
    /// replies serve / list / settings, batch replies
    case repliesNoneForAPerson
    /// replies serve / list / settings, batch replies
    case repliesCount
    /// replies serve / list / settings, batch replies
    case colReceivedAt
    /// replies serve / list / settings, batch replies
    case colReply
    /// replies serve / list / settings, batch replies
    case colHandling
    /// replies serve / list / settings, batch replies
    case replySettingsLine
    /// replies serve / list / settings, batch replies
    case settingOn
    /// replies serve / list / settings, batch replies
    case settingOff
    /// replies serve / list / settings, batch replies
    case errPageSize
    /// replies serve / list / settings, batch replies
    case batchRepliesSummary
    /// replies serve / list / settings, batch replies
    case batchRepliesNone
    /// replies serve / list / settings, batch replies
    case batchRepliesHandled
    /// replies serve / list / settings, batch replies
    case batchRepliesReminded
    /// replies serve / list / settings, batch replies
    case batchRepliesForAPerson
    /// request submit / list / show / cancel / import
    case reqJobCreated
    /// request submit / list / show / cancel / import
    case reqJobLine
    /// request submit / list / show / cancel / import
    case reqBothDates
    /// request submit / list / show / cancel / import
    case reqShowHead
    /// request submit / list / show / cancel / import
    case reqShowFarm
    /// request submit / list / show / cancel / import
    case reqShowHeadcount
    /// request submit / list / show / cancel / import
    case reqShowWage
    /// request submit / list / show / cancel / import
    case reqWon
    /// request submit / list / show / cancel / import
    case reqShowRoster
    /// request submit / list / show / cancel / import
    case reqNotPlanned
    /// request submit / list / show / cancel / import
    case reqPriorityPolicy
    /// request submit / list / show / cancel / import
    case reqPriorityOverride
    /// request submit / list / show / cancel / import
    case reqJobDays
    /// request submit / list / show / cancel / import
    case reqCancelled
    /// request submit / list / show / cancel / import
    case reqCancelledItem
    /// request submit / list / show / cancel / import
    case reqImportReported
    /// roster decline / replace
    case declineFillIt
    /// roster decline / replace
    case errReplaceWithOrBest
    /// attendance record (prompts) and a worker's record
    case errAttendanceBeforeWorkers
    /// attendance record (prompts) and a worker's record
    case errAttendanceTwoHours
    /// attendance record (prompts) and a worker's record
    case errAttendanceTwoNotes
    /// attendance record (prompts) and a worker's record
    case errAttendanceNoOutcome
    /// attendance record (prompts) and a worker's record
    case attendanceNothingRecorded
    /// attendance record (prompts) and a worker's record
    case attendancePrompt
    /// attendance record (prompts) and a worker's record
    case attendanceNow
    /// attendance record (prompts) and a worker's record
    case attendanceHoursPrompt
    /// attendance record (prompts) and a worker's record
    case workerRecord
    /// attendance record (prompts) and a worker's record
    case workerRecentDays
    /// attendance record (prompts) and a worker's record
    case dayCompleted
    /// attendance record (prompts) and a worker's record
    case dayNoShow
    /// attendance record (prompts) and a worker's record
    case dayLate
    /// attendance record (prompts) and a worker's record
    case dayLeftEarly
    /// attendance record (prompts) and a worker's record
    case assignmentCompleted
    /// import files
    case errImportFileMissing
    /// import files
    case errTemplateExists
    /// import files
    case errTemplateWrite
    /// import files
    case templateWritten
    /// import files
    case errCannotReadImport
    /// audit show: what changed, in words
    case auditEntityWorker
    /// audit show: what changed, in words
    case auditEntityFarm
    /// audit show: what changed, in words
    case auditEntityFarmer
    /// audit show: what changed, in words
    case auditEntityLaborRequest
    /// audit show: what changed, in words
    case auditEntityAssignment
    /// audit show: what changed, in words
    case auditEntityAttendance
    /// audit show: what changed, in words
    case auditEntityRoster
    /// audit show: what changed, in words
    case auditEntityCenter
    /// audit show: what changed, in words
    case auditEntityMessageTemplate
    /// audit show: what changed, in words
    case auditEntityWorkerAvailability
    /// audit show: what changed, in words
    case auditEntityPriorityPolicy
    /// audit show: what changed, in words
    case auditEntityUser
    /// audit show: what changed, in words
    case auditViaRosterAssign
    /// audit show: what changed, in words
    case auditViaRosterUnassign
    /// audit show: what changed, in words
    case auditViaRosterPlan
    /// audit show: what changed, in words
    case auditViaRosterApprove
    /// audit show: what changed, in words
    case auditViaRosterReopen
    /// audit show: what changed, in words
    case auditViaRosterCancel
    /// audit show: what changed, in words
    case auditViaRosterDecline
    /// audit show: what changed, in words
    case auditViaRosterReplace
    /// audit show: what changed, in words
    case auditViaRequestSubmit
    /// audit show: what changed, in words
    case auditViaRequestEdit
    /// audit show: what changed, in words
    case auditViaRequestCancel
    /// audit show: what changed, in words
    case auditViaRequestImport
    /// audit show: what changed, in words
    case auditViaFarmAdd
    /// audit show: what changed, in words
    case auditViaFarmUpdate
    /// audit show: what changed, in words
    case auditViaFarmImport
    /// audit show: what changed, in words
    case auditViaWorkerAdd
    /// audit show: what changed, in words
    case auditViaWorkerEdit
    /// audit show: what changed, in words
    case auditViaWorkerImport
    /// audit show: what changed, in words
    case auditViaCenterPolicySet
    /// audit show: what changed, in words
    case auditViaAttendanceRecord
    /// audit show: what changed, in words
    case auditViaBatchSend
    /// audit show: what changed, in words
    case auditViaBatchPlan
    /// audit show: what changed, in words
    case auditViaSql
    /// audit show: what changed, in words
    case auditFieldPriority
    /// audit show: what changed, in words
    case auditFieldPrioritySource
    /// audit show: what changed, in words
    case auditFieldStatus
    /// audit show: what changed, in words
    case auditFieldState
    /// audit show: what changed, in words
    case auditFieldHeadcount
    /// audit show: what changed, in words
    case auditFieldMinHeadcount
    /// audit show: what changed, in words
    case auditFieldStartTime
    /// audit show: what changed, in words
    case auditFieldEndTime
    /// audit show: what changed, in words
    case auditFieldWage
    /// audit show: what changed, in words
    case auditFieldSkills
    /// audit show: what changed, in words
    case auditFieldCancelReason
    /// audit show: what changed, in words
    case auditFieldName
    /// audit show: what changed, in words
    case auditFieldPhone
    /// audit show: what changed, in words
    case auditFieldAreaHa
    /// audit show: what changed, in words
    case auditFieldDisasterUntil
    /// audit show: what changed, in words
    case auditFieldFarmerBirthYear
    /// audit show: what changed, in words
    case auditFieldWomanFarmer
    /// audit show: what changed, in words
    case auditFieldDisabledFarmer
    /// audit show: what changed, in words
    case auditFieldNoFamilyLabor
    /// audit show: what changed, in words
    case auditFieldMeetingPoint
    /// audit show: what changed, in words
    case auditFieldMeetingTime
    /// audit show: what changed, in words
    case auditFieldAddress
    /// audit show: what changed, in words
    case auditFieldVillage
    /// audit show: what changed, in words
    case auditFieldCategory
    /// audit show: what changed, in words
    case auditFieldActive
    /// audit show: what changed, in words
    case auditFieldMaxTravelKm
    /// audit show: what changed, in words
    case auditFieldPinned
    /// audit show: what changed, in words
    case auditFieldForced
    /// audit show: what changed, in words
    case auditFieldExcluded
    /// audit show: what changed, in words
    case auditFieldBase
    /// audit show: what changed, in words
    case auditFieldSmallFarmHa
    /// audit show: what changed, in words
    case auditFieldSmallFarmPoints
    /// audit show: what changed, in words
    case auditFieldDisasterPoints
    /// audit show: what changed, in words
    case auditFieldElderlyAge
    /// audit show: what changed, in words
    case auditFieldElderlyPoints
    /// audit show: what changed, in words
    case auditFieldWomanPoints
    /// audit show: what changed, in words
    case auditFieldDisabledPoints
    /// audit show: what changed, in words
    case auditFieldNoFamilyPoints
    /// audit show: what changed, in words
    case auditFieldOutcome
    /// audit show: what changed, in words
    case auditFieldNote
    /// a yes in a table cell or a short description (English keeps the old y)
    case flagYes
    /// a no in a table cell or a short description (English keeps the old n)
    case flagNo
    /// audit show: what changed, in words
    case auditValueTrue
    /// audit show: what changed, in words
    case auditValueFalse
    /// audit show: what changed, in words
    case auditValuePolicy
    /// audit show: what changed, in words
    case auditValueOverride
    /// audit show: what changed, in words
    case auditValueSubmitted
    /// audit show: what changed, in words
    case auditValueCancelled
    /// audit show: what changed, in words
    case auditValueClosed
    /// audit show: what changed, in words
    case auditValueCompleted
    /// audit show: what changed, in words
    case auditValueNoShow
    /// audit show: what changed, in words
    case auditValueApproved
    /// audit show: what changed, in words
    case auditValueDraft
    /// audit show: what changed, in words
    case auditValueSent
    /// audit show: what changed, in words
    case auditValueDeclined
    /// audit show: what changed, in words
    case auditValueProposed
    /// audit show: what changed, in words
    case auditValueConfirmed
    /// audit show: what changed, in words
    case auditEntityOther
    /// audit show: what changed, in words
    case auditForcedPin
    /// audit show: what changed, in words
    case auditPriorityChanged
    /// audit show: what changed, in words
    case auditPolicyApplied
    /// audit show: what changed, in words
    case auditAdded
    /// audit show: what changed, in words
    case auditDeleted
    /// audit show: what changed, in words
    case auditStateChanged
    /// audit show: what changed, in words
    case auditChanged
    /// audit show: what changed, in words
    case auditOthers
    /// audit show: what changed, in words
    case auditNewPriority
    /// audit show: what changed, in words
    case auditErrWhat
    /// audit show: what changed, in words
    case auditErrLimit
    /// audit show: what changed, in words
    case auditTitle
    /// audit show: what changed, in words
    case colAuditTime
    /// audit show: what changed, in words
    case colAuditWho
    /// audit show: what changed, in words
    case colAuditWhat
    /// audit show: what changed, in words
    case colAuditSubject
    /// audit show: what changed, in words
    case colAuditChange
    /// audit show: what changed, in words
    case auditCount
    /// worker registry errors
    case errWorkerKm
    /// worker registry errors
    case errWorkerDays
    /// worker registry errors
    case errWorkerFarmUnknown
    /// worker registry errors
    case errWorkerFarmsEmpty
    /// worker registry errors
    case errWorkerExists
    /// worker registry errors
    case errWorkerAlreadyInactive
    /// worker registry errors
    case errDatesPast
    /// worker registry errors
    case errDatesYear
    /// worker registry errors
    case errWorkerNotFound
    /// worker registry errors
    case errFarmOtherCenter
    /// worker registry errors
    case errJobNothingToCancel
    /// calls (roster calls, roster cancel, day-of changes)
    case callNoConsent
    /// calls (roster calls, roster cancel, day-of changes)
    case callNoConsentOff
    /// calls (roster calls, roster cancel, day-of changes)
    case callNoConsentCome
    /// calls (roster calls, roster cancel, day-of changes)
    case cancelCall
    /// calls (roster calls, roster cancel, day-of changes)
    case cancelDeliverNow
    /// calls (roster calls, roster cancel, day-of changes)
    case errAlreadyOnChoose
    /// calls (roster calls, roster cancel, day-of changes)
    case errAlreadyOnRequest
    /// calls (roster calls, roster cancel, day-of changes)
    case errNoAssignmentOn
    /// calls (roster calls, roster cancel, day-of changes)
    case errNoAssignmentOnRequest
    /// option values
    case errNotHours
    /// option values
    case errNotDecimal
    /// option values
    case errPickupNoneWith
    /// option values
    case helpCSVEncoding
    /// option values
    case cancelSummary
    /// a worker's description (worker add, show, edit)
    case workerDescribeHome
    /// a worker's description (worker add, show, edit)
    case workerDescribeTerms
    /// a worker's description (worker add, show, edit)
    case workerAnyFarm
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case planSummary
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case planDropped
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case planByAnother
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case planLocked
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case planDraft
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case planFailed
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case sendStillDraft
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case sendOtherRun
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case sendStoppedCenter
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case sendWritten
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case sendUncomposable
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case sendRecovered
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case outboxTimeUp
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case outboxWaiting
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case outboxFailedForGood
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case outboxRetry
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case repliesOtherRun
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case repliesFetchFailed
    /// batch logs (the cron mail a coordinator may be shown; ILSON_LANG of the cron job chooses the language)
    case repliesLog
    /// queued notices, request edit, templates
    case msgKindAssignment
    /// queued notices, request edit, templates
    case msgKindFarmerList
    /// queued notices, request edit, templates
    case msgKindCancellation
    /// queued notices, request edit, templates
    case msgKindChange
    /// queued notices, request edit, templates
    case msgKindReminder
    /// queued notices, request edit, templates
    case roleWorker
    /// queued notices, request edit, templates
    case roleFarmer
    /// queued notices, request edit, templates
    case queuedNotice
    /// queued notices, request edit, templates
    case dayOfQueued
    /// queued notices, request edit, templates
    case lineQueuedDeliver
    /// queued notices, request edit, templates
    case lineCall
    /// queued notices, request edit, templates
    case reqChanged
    /// queued notices, request edit, templates
    case reqUnchanged
    /// queued notices, request edit, templates
    case templateHeader
    /// queued notices, request edit, templates
    case templateCentersOwn
    /// queued notices, request edit, templates
    case templateDefaultOne
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case pickupAdded
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case pickupNone
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case colLatitude
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case colLongitude
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case pickupFarmVan
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case pickupSeats
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case pickupSeatsPoints
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case pickupNoVan
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case policyTitle
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case policyDefault
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case policyFormula
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case policyChanged
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case policyRequestsChanged
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmProfileChanged
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmShowHead
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmInactive
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmShowFarmer
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmShowPlace
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmShowMeeting
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case farmShowPolicy
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case dbCheckClean
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case colProblem
    /// pickup points, center policy, farm profile, db check (Korean before; English now on request)
    case dbCheckBroken
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2Pool
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2MaxJobs
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2MaxMinutes
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2Stay
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2Visa
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2Car
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2NoCar
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case w2Pickup
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case r2Terms
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case r2PoolsNone
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case r2PoolsAll
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case r2Van
    /// version 2 terms of a worker and a request (worker add/show, request show)
    case r2NoVan
    /// option label of a catalogue name
    case catNameLabel
    /// option label of a catalogue rename
    case catNewNameLabel
    /// a catalogue kind
    case kindTask
    /// a catalogue kind
    case kindSkill
    /// catalogue add: a malformed code
    case errCatCode
    /// catalogue add: the name exists
    case errCatNameTaken
    /// catalogue add: the code exists
    case errCatCodeTaken
    /// catalogue rename: the new name belongs to another entry
    case errCatRenameTaken
    /// catalogue rename: unknown entry
    case errCatNotFound
    /// catalogue: close entries
    case errCatCloseHint
    /// catalogue: a word not in the center's catalogue
    case errCatUnknown
    /// pickups: not a pool name (or all)
    case errNotAPoolOrAll
    /// pickups: seats out of range
    case errSeatsRange
    /// pickups: points without seats
    case errPointsNeedSeats
    /// pickups: unknown pickup points
    case errPointsUnknown
    /// pickups: the point name is taken
    case errPointExists
    /// what a place belongs to, in a place error
    case whatPickupPoint
    /// pickup farm: --seats out of range
    case errSeatsOption
    /// pickup farm: --points without --seats
    case errPointsOptionNeedSeats
    /// priority policy: points out of range
    case errPolicyPoints
    /// priority policy: base out of range
    case errPolicyBase
    /// priority policy: small-farm area out of range
    case errPolicySmallFarm
    /// priority policy: elderly age out of range
    case errPolicyElderlyAge
    /// targets: not a target group
    case errTargetCategory
    /// targets: not a pool
    case errTargetPool
    /// targets: year out of range
    case errTargetYear
    /// targets: days out of range
    case errTargetDays
    /// availability window: one end missing
    case errWindowTogether
    /// availability window: bad start
    case errWindowStart
    /// availability window: bad end
    case errWindowEnd
    /// availability window: start not before end
    case errWindowOrder
    /// farm profile: area not a number
    case errAreaNumber
    /// farm profile: area out of range
    case errAreaRange
    /// farm profile: bad disaster date
    case errDisasterDate
    /// farm profile: birth year not a year
    case errBirthYearNumber
    /// farm profile: birth year out of range
    case errBirthYearRange
    /// farm profile: not yes/no
    case errYesNoProfile
    /// legal limit: after the stay end
    case legalStay
    /// legal limit: not an allowed farm
    case legalFarm
    /// legal limit: the farm's name before legalFarm
    case legalFarmName
    /// legal limit: a pool the request does not take
    case legalPool
    /// rule 5 by hand: transfer time
    case sameDayTransfer
    /// rule 5 by hand: minutes a day
    case sameDayMinutes
    /// rule 5 by hand: jobs a day
    case sameDayJobs
    /// rule 5 by hand: the refusal
    case sameDayRefusal
    /// rule 5 by hand: a request's number
    case sameDayRequestID
    /// pin: a legal limit no --force passes
    case errPinLegal
    /// planning: a pin dropped for a legal limit
    case pinDroppedLegal
    /// planning: a pin dropped for rule 5
    case pinDroppedSameDay
    /// db check: after the stay end
    case checkStay
    /// db check: not an allowed farm
    case checkFarm
    /// db check: a pool the request does not take
    case checkPool
    /// db check: over the jobs a day
    case checkJobs
    /// task list: the uses column
    case catUsesRequests
    /// skill list: the uses column
    case catUsesWorkers
    /// task/skill list: the footer
    case catCount
    /// task/skill add: done
    case catAdded
    /// task/skill rename: done
    case catRenamed
    /// target set: done
    case targetSetDone
    /// targets table header
    case colYear
    /// targets table header
    case colTargetGroup
    /// targets table header
    case colPool
    /// targets table header
    case colTargetDays
    /// target list: footer
    case targetCount
    /// targets report: title
    case targetReportTitle
    /// targets report: the day and the share of the year
    case targetReportToday
    /// targets report html: how it counts
    case targetReportHowCounted
    /// targets report html: chart title
    case targetChartDone
    /// targets report html: chart title
    case targetChartScheduled
    /// targets report html: chart unit
    case targetUnit
    /// targets report header
    case colTarget
    /// targets report header
    case colDoneAttended
    /// targets report header
    case colProgress
    /// targets report header
    case colTargetHours
    /// targets report: no targets
    case targetNone
    /// targets report: footer
    case targetReportNote
    /// a target group or pool: all
    case groupAll
    /// a target group
    case groupMidlife
    /// farm profile line
    case profileArea
    /// farm profile line
    case profileDisaster
    /// farm profile: the date
    case profileDisasterUntil
    /// farm profile: none
    case profileNone
    /// farm profile line
    case profileBirthYear
    /// farm profile line
    case profileFlags
    /// priority terms: the sum clamped
    case priorityClamped
    /// attendance: a worker with several jobs that day
    case errAttendanceWhichJob
    /// worker import: a window without dates
    case errWindowNeedsFrom
    /// request edit: both priority options
    case errPriorityBoth
    /// request edit: an override without a reason
    case errPriorityReason
    /// worker: an unknown pickup point
    case errWorkerPointUnknown
    /// worker availability: --off with hours
    case errOffWithHours
    /// center county: not a county
    case errCountyBad
    /// center county: several counties
    case errCountyAmbiguous
    /// center county: unknown
    case errCountyNotFound
    /// center county: close names
    case errCountyClose
    /// solve: the summary line
    case solveSummary
    /// solve: the medium upper bound
    case solveBound
    /// solve: no bound (time limit in the first flow)
    case solveNoBound
    /// solve: the time limit stopped the search
    case solveTimeLimitHit
    /// solve progress: the best score so far
    case progressBest
    /// solve progress: elapsed seconds
    case progressSeconds
    /// solve progress: building candidate pairs
    case stepCandidates
    /// solve progress: a greedy start
    case stepStart
    /// solve progress: continuity moves
    case stepContinuityMoves
    /// solve progress: the min-cost flow
    case stepFlow
    /// solve progress: local search
    case stepLocalSearch
    /// solve progress: day kicks
    case stepDayKicks
    /// solve progress: continuity chains over all days
    case stepContinuityChains
    /// roster show: a request's van
    case rosterVan
    /// roster show: a request's van and its stops
    case rosterVanPoints
    /// roster show: the pools a request takes
    case rosterPools
    /// roster show: a rider's pickup point
    case rosterRidesFrom
    /// score: the score line
    case scoreLine
    /// score: the terms of soft
    case scoreTerms
    /// score: the fair-share bonus (version 2)
    case scoreShare
    /// score: one broken hard constraint
    case scoreBroken
    /// score: which rule is broken
    case scoreBrokenRule
    /// score: a malformed plan row
    case scoreBrokenRow
    /// score: the request and worker a violation names
    case scoreIDs
    /// score: a request id of the instance file
    case scoreRequestID
    /// score: a worker id of the instance file
    case scoreWorkerID
    /// score: a pinned pair that breaks a rule
    case scorePinWarning
    /// solve progress: the worker schedules phase found a better plan
    case stepWorkerSchedules
    /// solve progress: the worker schedules phase's bound (scripts/dev/multiday-gap reads the English words)
    case stepWorkerScheduleBound
}
