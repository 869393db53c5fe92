/// Every sentence, heading and help text the programs show, by key; the words are in one
/// catalogue per language (`Catalogue+English*.swift`, `Catalogue+Chinese*.swift`).
/// `{0}`… are the arguments; `{m0}` names the material whose raw value is argument 0 (see
/// `Message.format`).
public enum Message: String, CaseIterable, Sendable {
    // Clerk
    case materialBoard = "material_board"
    case materialSign = "material_sign"
    case materialBadge = "material_badge"
    case materialCard = "material_card"
    case materialGuide = "material_guide"
    case materialPluralBoard = "materialPlural_board"
    case materialPluralSign = "materialPlural_sign"
    case materialPluralBadge = "materialPlural_badge"
    case materialPluralCard = "materialPlural_card"
    case materialPluralGuide = "materialPlural_guide"
    case fieldClerkName = "field_clerk_name"
    case fieldLocation = "field_location"
    case fieldStaffName = "field_staff_name"
    case fieldChannel = "field_channel"
    case fieldReason = "field_reason"
    case fieldBatch = "field_batch"
    case fieldOfficeName = "field_office_name"
    case reasonLost = "reason_lost"
    case reasonReturned = "reason_returned"
    case reasonDeparted = "reason_departed"
    case agentAbstract
    case agentDiscussion
    case optLang
    case optConfigAgent
    case optDataAgent
    case optOn
    case optClerk
    case optJSON
    case optAll
    case optVerbose
    case example
    case examples
    case initAbstract
    case initDiscussion
    case optBranch
    case optName
    case optHub
    case optHubKey
    case optTimeZoneAgent
    case initNeeds
    case initCreated
    case initGiveKey
    case unknownTimeZone
    case listSeparator
    case setHubAbstract
    case setHubDiscussion
    case optSetHub
    case optSetHubKey
    case setHubDone
    case setHubDoneKey
    case configHubDiffers
    case configHubKeyDiffers
    case boardAbstract
    case signAbstract
    case badgeAbstract
    case cardAbstract
    case guideAbstract
    case boardInstallAbstract
    case boardInstallDiscussion
    case optBoardTag
    case optSignTag
    case optTag
    case optWhereHangs
    case optNonstandard
    case optRetireReason
    case boardRetireAbstract
    case boardRetireDiscussion
    case boardListAbstract
    case boardListDiscussion
    case signInstallAbstract
    case signInstallDiscussion
    case signRetireAbstract
    case signRetireDiscussion
    case signListAbstract
    case signListDiscussion
    case badgeIssueAbstract
    case badgeIssueDiscussion
    case optBadgeNumber
    case optStaff
    case badgeRevokeAbstract
    case badgeRevokeDiscussion
    case optRevokeReason
    case badgeListAbstract
    case badgeListDiscussion
    case optReceiveQuantity
    case optBatch
    case optDistributeQuantity
    case optChannel
    case optAdjustQuantity
    case optAdjustReason
    case cardReceiveAbstract
    case cardReceiveDiscussion
    case cardDistributeAbstract
    case cardDistributeDiscussion
    case cardAdjustAbstract
    case cardAdjustDiscussion
    case guideReceiveAbstract
    case guideReceiveDiscussion
    case guideDistributeAbstract
    case guideDistributeDiscussion
    case guideAdjustAbstract
    case guideAdjustDiscussion
    case voidAbstract
    case voidDiscussion
    case optVoidSeq
    case optVoidReason
    case logAbstract
    case logDiscussion
    case optSince
    case statusAbstract
    case statusDiscussion
    case syncAbstract
    case syncDiscussion
    case optTimeout
    case timeoutRange
    case syncConnecting
    case syncProgress
    case syncDone
    case runAbstract
    case runDiscussion
    case reportAbstract
    case reportDiscussion
    case optMonth
    case optFormat
    case optOut
    case optReportLang
    case reportTitle
    case colOpening
    case colIn
    case colOut
    case colAdjusted
    case colClosing
    case colOfStandard
    case reportWrote
    case recorded
    case sumInstall
    case sumStandard
    case sumNonstandard
    case sumIssue
    case sumRetire
    case sumRevoke
    case sumReceive
    case sumBatch
    case sumDistribute
    case sumAdjust
    case sumVoid
    case standBoard
    case standSign
    case standBadge
    case standCard
    case standGuide
    case listNoneInService
    case listNoneAtAll
    case colTag
    case colNumber
    case colStaff
    case colLocation
    case colStandard
    case colSince
    case colStatus
    case yes
    case no
    case stateActive
    case stateInService
    case stateRetired
    case stateRevoked
    case colDate
    case colEntry
    case colClerk
    case colNote
    case voidedBy
    case logNone
    case logNoneAfter
    case statusHeadline
    case colMaterial
    case colInService
    case colDetail
    case detailStandard
    case detailActive
    case detailStock
    case detailAdjusted
    case statusHub
    case lastAck
    case neverAck
    case lastProblem
    case usage
    case seeHelp
    case didYouMean
    case unknownCommand
    case missingSubcommand
    case parseMissingArgument
    case parseUnknownOption
    case parseUnknownOptionSuggest
    case parseBadValue
    case parseBadNumber
    case parseMissingValue
    case parseUnexpected
    case parseNoValueFlag
    case parseOther
    case badLanguage
    case helpOverview
    case helpUsage
    case helpOptions
    case helpSubcommands
    case helpArguments
    case helpShowHelp
    case helpShowVersion
    case helpSeeSubcommand
    case versionLine
    case statusReceipt
    case statusNoReceipt
    case reportReceipt
    case verifyAbstract
    case verifyDiscussion
    case verifyDone
    // Errors
    case errNotInitialised
    case errAlreadyInitialised
    case errNotALedger
    case errDamaged
    case errBusy
    case errStorage
    case errFile
    case errBadHubEndpoint
    case errBadHubKey
    case errKeyFiles
    case errCurve
    case errUnreachable
    case errHandshake
    case errKeyNotEnrolled
    case errWrongHubKey
    case errRevoked
    case errConflict
    case errOlder
    case errOtherLedger
    case errMisenrolled
    case errRefused
    case errProtocol
    case errInterrupted
    case errConfigUnreadable
    case errConfigSyntax
    case errConfigUnknownKey
    case errConfigWrongType
    case errConfigLang
    case errConfigHub
    case errMalformedMonth
    case errMonthTooEarly
    case errFutureMonth
    case errMalformedAsOf
    case errAsOfFuture
    case errAsOfBeforeHub
    case errUnknownFormat
    case errUnknownLanguage
    case errUnwritable
    case ruleOther = "rule_other"
    case ruleDateTooEarly = "rule_dateTooEarly"
    case ruleDateInFuture = "rule_dateInFuture"
    case ruleNotADate = "rule_notADate"
    case ruleTextEmpty = "rule_textEmpty"
    case ruleTextTooLong = "rule_textTooLong"
    case ruleTextControl = "rule_textControl"
    case ruleQuantityRange = "rule_quantityRange"
    case ruleAdjustmentRange = "rule_adjustmentRange"
    case ruleNeedStaff = "rule_needStaff"
    case ruleNeedLocation = "rule_needLocation"
    case ruleNeedReason = "rule_needReason"
    case ruleNeedChannel = "rule_needChannel"
    case ruleNeedAdjustReason = "rule_needAdjustReason"
    case ruleNeedVoidReason = "rule_needVoidReason"
    case ruleVoidNeedsSeq = "rule_voidNeedsSeq"
    case ruleOnlyVoidCancels = "rule_onlyVoidCancels"
    case ruleNeedItem = "rule_needItem"
    case ruleUnitTakesNoQuantity = "rule_unitTakesNoQuantity"
    case ruleStockNotTagged = "rule_stockNotTagged"
    case ruleNeedQuantity = "rule_needQuantity"
    case ruleItemLength = "rule_itemLength"
    case ruleItemControl = "rule_itemControl"
    case ruleAlreadyInService = "rule_alreadyInService"
    case ruleAlreadyIssued = "rule_alreadyIssued"
    case ruleReinstalledEarlier = "rule_reinstalledEarlier"
    case ruleNoSuchItem = "rule_noSuchItem"
    case ruleAlreadyOut = "rule_alreadyOut"
    case ruleOutBeforeIn = "rule_outBeforeIn"
    case ruleBadgeReason = "rule_badgeReason"
    case ruleNotEnoughOnHand = "rule_notEnoughOnHand"
    case ruleAdjustBelowZero = "rule_adjustBelowZero"
    case ruleNoSuchEntry = "rule_noSuchEntry"
    case ruleVoidOfVoid = "rule_voidOfVoid"
    case ruleAlreadyVoided = "rule_alreadyVoided"
    case ruleVoidMismatch = "rule_voidMismatch"
    case ruleVoidLeavesNegative = "rule_voidLeavesNegative"
    case ruleVoidNotLatest = "rule_voidNotLatest"
    case ruleBadBranchID = "rule_badBranchID"
    case errVerifyFailed
    case errDamagedTail
    case errDiverged
    case errHubCannotStore
    case errNewerProtocol
    case errUnreadable
    case errNotRecorded
    case errOutIsDatabase
    case errOutInDataFolder
    case errOutExists
    case errOutNotRegularFile
    case errFlatJSON
    case errSpanWithoutFlat
    case errMonthAndSpan
    case errNoMonth
    case errIncompleteSpan
    case errReversedSpan
    case errSpanTooLong
    // Hub
    case hubAbstract
    case hubDiscussion
    case optConfigHub
    case optDataHub
    case optPrintJSON
    case hubInitAbstract
    case hubInitDiscussion
    case hubInitCreated
    case hubInitGiveKey
    case enrollAbstract
    case enrollDiscussion
    case optEnrollBranch
    case optEnrollName
    case optEnrollKey
    case enrollBadKey
    case enrolled
    case revokeAbstract
    case revokeDiscussion
    case optBranchID
    case revoked
    case keysAbstract
    case keysDiscussion
    case keysNone
    case colFingerprint
    case colState
    case colBranch
    case colLastSeen
    case colAttempts
    case colFrom
    case colKey
    case keyStatePending = "keyState_pending"
    case keyStateEnrolled = "keyState_enrolled"
    case keyStateRevoked = "keyState_revoked"
    case keyStateReplaced = "keyState_replaced"
    case keySetUpAs
    case serveAbstract
    case serveDiscussion
    case optBind
    case serveCannot
    case badBind
    case totalsAbstract
    case totalsDiscussion
    case optByBranch
    case optTotalsJSON
    case colBoards
    case colStd
    case colSigns
    case colBadges
    case colCards
    case colCardsOut
    case colGuides
    case colGuidesIn
    case bureauRow
    case totalsLegend
    case branchesAbstract
    case branchesDiscussion
    case optSilentAfter
    case silentAfterRange
    case branchesNone
    case colName
    case colHeld
    case colPending
    case colLastHeard
    case colFlags
    case never
    case branchStateCurrent = "branchState_current"
    case branchStateBehind = "branchState_behind"
    case branchStateSilent = "branchState_silent"
    case branchStateFlagged = "branchState_flagged"
    case branchStateRevoked = "branchState_revoked"
    case exportAbstract
    case exportDiscussion
    case optExportFormat
    case optAsOf
    case optTimeZoneHub
    case errHubNotInitialised
    case errHubAlreadyInitialised
    case errNotAHub
    case errHubDamaged
    case errHubBusy
    case errHubStorage
    case errUnknownBranch
    case errBranchRevoked
    case errKeyInUse
    case errHubSecretMode
    case errHubSecretUnreadable
    case hubVerifyAbstract
    case hubVerifyDiscussion
    case optVerifyBranch
    case hubVerifyDone
    case errHubVerifyFailed
    case errHubVanished
    case exportDiscussion2
    case optForce
    case optFlat
    case optFrom
    case optTo
    case optBureauName
    case settingsAbstract
    case settingsDiscussion
    case optSettingsBureau
    case optPreparer
    case optReviewer
    case optHead
    case optDeadline
    case colSetting
    case colValue
    case colSource
    case fromConfigFile
    case fromHubDatabase
    case fromDefault
    case notSet
    case noBureauInTitle
    case lineToSign
    case optBranchesMonth
    // Branch "operator": flags, resolve, enrolment and serve refusals (Catalogue+*Operator.swift)
    case flagsAbstract
    case flagsDiscussion
    case optFlagsBranch
    case optFlagsAll
    case flagsNone
    case flagsNoneAtAll
    case colFlagID
    case colKind
    case colFlagEntry
    case colFlagSince
    case colToDo
    case colFlagDetail
    case colSettled
    case flagOpen
    case flagSettledBy
    case flagSettledByOffice
    case flagByOffice
    case flagKindRule = "flagKind_rule"
    case flagKindConflict = "flagKind_conflict"
    case flagKindIncarnation = "flagKind_incarnation"
    case flagKindBehind = "flagKind_behind"
    case flagKindMisenrolled = "flagKind_misenrolled"
    case flagToDoRule = "flagToDo_rule"
    case flagToDoConflict = "flagToDo_conflict"
    case flagToDoIncarnation = "flagToDo_incarnation"
    case flagToDoBehind = "flagToDo_behind"
    case flagToDoMisenrolled = "flagToDo_misenrolled"
    case flagToDoOther
    case resolveAbstract
    case resolveDiscussion
    case optResolveFlag
    case optResolveNote
    case resolved
    case resolvedBranchClear
    case resolvedBranchOpen
    case errUnknownFlag
    case errFlagSettled
    case errEmptyNote
    case errNoteTooLong
    case errEnrollHubKey
    case errEnrollZeroKey
    case errEnrollNameInUse
    case errServeRunning
    case errServeLock

    // Branch dashboard: the web pages (HubWeb), their words once for both the web and the CLI.
    case webTitle = "web_title"
    case webOverview = "web_overview"
    case webBranches = "web_branches"
    case webBranch = "web_branch"
    case webTimeliness = "web_timeliness"
    case webExports = "web_exports"
    case webProblems = "web_problems"
    case webHealth = "web_health"
    case webAsOf = "web_asOf"
    case webLogout = "web_logout"
    case webLogin = "web_login"
    case webLoginName = "web_loginName"
    case webPassword = "web_password"
    case webLoginFailed = "web_loginFailed"
    case webLoginLocked = "web_loginLocked"
    case webEnrolled = "web_enrolled"
    case webPending = "web_pending"
    case webLastIngest = "web_lastIngest"
    case webTotals = "web_totals"
    case webStandard = "web_standard"
    case webOnHand = "web_onHand"
    case webReceived = "web_received"
    case webBalance = "web_balance"
    case webColReceived = "web_colReceived"
    case webColDistributed = "web_colDistributed"
    case webFlagRule = "web_flag.rule"
    case webFlagConflict = "web_flag.conflict"
    case webFlagIncarnation = "web_flag.incarnation"
    case webFlagBehind = "web_flag.behind"
    case webKeyPending = "web_key.pending"
    case webKeyRevoked = "web_key.revoked"
    case webOpenFlagsByKind = "web_openFlagsByKind"
    case webMark = "web_mark"
    case webLegend = "web_legend"
    case webDistributed = "web_distributed"
    case webReportingRate = "web_reportingRate"
    case webOnTimeRate = "web_onTimeRate"
    case webLastClosedMonth = "web_lastClosedMonth"
    case webActivity = "web_activity"
    case webActivityDelivery = "web_activity.delivery"
    case webActivityEnrolment = "web_activity.enrolment"
    case webActivityExport = "web_activity.export"
    case webActivityFlag = "web_activity.flag"
    case webId = "web_id"
    case webLastEntry = "web_lastEntry"
    case webAll = "web_all"
    case webCsv = "web_csv"
    case webInventory = "web_inventory"
    case webItems = "web_items"
    case webItem = "web_item"
    case webConforms = "web_conforms"
    case webNonstandard = "web_nonstandard"
    case webMovement = "web_movement"
    case webEntries = "web_entries"
    case webSeq = "web_seq"
    case webAction = "web_action"
    case webQuantity = "web_quantity"
    case webOccurredOn = "web_occurredOn"
    case webRecordedAt = "web_recordedAt"
    case webOlder = "web_older"
    case webNewer = "web_newer"
    case webWhatToDo = "web_whatToDo"
    case webMonth = "web_month"
    case webDeadline = "web_deadline"
    case webDeadlineUnknown = "web_deadlineUnknown"
    case webExpected = "web_expected"
    case webReported = "web_reported"
    case webOnTime = "web_onTime"
    case webLate = "web_late"
    case webNotReported = "web_notReported"
    case webNotExpected = "web_notExpected"
    case webMarkOnTime = "web_mark.on-time"
    case webMarkLate = "web_mark.late"
    case webMarkReported = "web_mark.reported"
    case webMarkNotReported = "web_mark.not-reported"
    case webMarkNotExpected = "web_mark.not-expected"
    case webCompleteAt = "web_completeAt"
    case webGrid = "web_grid"
    case webShow = "web_show"
    case webAsOfExport = "web_asOfExport"
    case webHash = "web_hash"
    case webDownload = "web_download"
    case webIssuedAt = "web_issuedAt"
    case webNoExports = "web_noExports"
    case webNoProblems = "web_noProblems"
    case webPendingKeys = "web_pendingKeys"
    case webOpenFlags = "web_openFlags"
    case webKind = "web_kind"
    case webBatchesHour = "web_batchesHour"
    case webBatchesDay = "web_batchesDay"
    case webEntriesHeld = "web_entriesHeld"
    case webDbSize = "web_dbSize"
    case webLastContact = "web_lastContact"
    case webRefusals = "web_refusals"
    case webWebStarted = "web_webStarted"
    case webAttempts = "web_attempts"
    case webNotFound = "web_notFound"
    case webTodoRule = "web_todo.rule"
    case webTodoConflict = "web_todo.conflict"
    case webTodoIncarnation = "web_todo.incarnation"
    case webTodoBehind = "web_todo.behind"
    case webTodoPendingKey = "web_todo.pendingKey"
    case webCompleteness = "web_completeness"
    case webExportComplete = "web_exportComplete"
    case webExportIncomplete = "web_exportIncomplete"
    case webIncompleteOffices = "web_incompleteOffices"
    case webRestatements = "web_restatements"
    case webRestates = "web_restates"
    case webRestatedSince = "web_restatedSince"
    case webLateRestatements = "web_lateRestatements"
    case webBureauTotal = "web_bureauTotal"
    case webFigure = "web_figure"
    case webEarlierValue = "web_earlierValue"
    case webNowValue = "web_nowValue"
    case webServeHeartbeat = "web_serveHeartbeat"
    case webServeState = "web_serveState"
    case webServeStarted = "web_serveStarted"
    case webServeRunning = "web_serveRunning"
    case webServeStopped = "web_serveStopped"
    case webServeNever = "web_serveNever"
    // Branch dashboard: the operator and web commands, branches --month, the export summary line.
    case operatorAbstract
    case operatorDiscussion
    case optPasswordStdin
    case promptPassword
    case promptAgain
    case errNoPasswordOnStdin
    case errNoTerminalForPassword
    case errPasswordsDiffer
    case operatorAddAbstract
    case operatorAddDiscussion
    case optOperatorLogin
    case optOperatorLoginOnly
    case optOperatorRole
    case operatorAdded
    case operatorListAbstract
    case operatorsNone
    case colLogin
    case colRole
    case colCreated
    case colPasswordChanged
    case operatorRemoveAbstract
    case operatorRemoved
    case operatorPasswdAbstract
    case operatorPasswdDone
    case operatorLogAbstract
    case colAt
    case colOutcome
    case colAddress
    case outcomeSuccess
    case outcomeFailure
    case outcomeLocked
    case outcomeLogout
    case errOperatorInvalidLogin
    case errOperatorExists
    case errOperatorUnknown
    case errOperatorWeakPassword
    case webCommandAbstract
    case webCommandDiscussion
    case optWebArguments
    case errWebNoOwnFolder
    case errWebCannotStart
    case hubWebAbstract
    case hubWebDiscussion
    case optWebBind
    case optTLSCert
    case optTLSKey
    case optWebConfig
    case webServing
    case errWebCannotServe
    case colCompleteAt
    case deadlineLine
    case deadlineUnknownLine
    case rateLine
    case rateLineUnknown
    case exportWrote
    case exportStateComplete
    case exportStateIncomplete
    case exportNotConfirmed
    case exportOpenFlagsAt
    case exportRevokedList
    case exportRestatesSuffix
    case exportWroteFlat
    case exportWroteBare
    case errWebBindMalformed
    case errWebNeedsTLS
    case errWebHalfTLS
    // rules branch: one set of rules, one identity for text
    case errArgumentNotUTF8
    case ruleDateBeyondSkew = "rule_dateBeyondSkew"
    case ruleLaterDayBelowZero = "rule_laterDayBelowZero"
    case ruleNotNFC = "rule_notNFC"
    case ruleFieldNotAllowed = "rule_fieldNotAllowed"
    // flags branch: the hub's flags reach the office, and read in the reader's language
    case flagSaysRule = "flagSays_rule"
    case flagSaysEntryConflict = "flagSays_entryConflict"
    case flagSaysChainDiffers = "flagSays_chainDiffers"
    case flagSaysOtherIncarnation = "flagSays_otherIncarnation"
    case flagSaysRestored = "flagSays_restored"
    case flagSaysMisenrolled = "flagSays_misenrolled"
    case statusHubFlagsHeadline
    case statusHubFlagsHeadlineOne
    case statusHubFlagEntry
    case statusHubFlagEntryUnknown
    case statusHubFlagsMore
    case statusHubFlagsOthers
    case hubFlagWhyOther = "hubFlagWhy_other"
    case hubFlagWhyDate = "hubFlagWhy_date"
    case hubFlagWhyStock = "hubFlagWhy_stock"
    case hubFlagWhyItem = "hubFlagWhy_item"
    case hubFlagWhyVoid = "hubFlagWhy_void"
    case hubFlagWhyDetails = "hubFlagWhy_details"
    case hubFlagWhyConflict = "hubFlagWhy_conflict"
    case syncHubFlags
    case syncHubFlagsOne
    // failover: an office reports to a list of hub front-ends
    case errDuplicateHubEndpoint
    case syncMovedSilent
    case syncMovedCannotStore
    case statusHubList
    // clerk branch: the Kits' errors that were English free text
    case errNoPendingKey
    case errAmbiguousFingerprint
    case errCalendarUnreadable
    case errCalendarLine
    case errSettingName
    case errSettingTooLong
    case errSettingDeadline
    case ruleNotNextSeq = "rule_notNextSeq"
    case ruleActionNotForMaterial = "rule_actionNotForMaterial"
    case fieldBureauName = "field_bureau_name"
    case fieldPreparerName = "field_preparer_name"
    case fieldReviewerName = "field_reviewer_name"
    case fieldHeadName = "field_head_name"
    case errConfigEmpty
    case errConfigHours
    case errConfigWorkdays
    case errConfigTimeZone
    case errConfigBind
    case errConfigRule
    case errConfigTooLong
    case configKindQuotedString = "configKind_quotedString"
    case configKindString = "configKind_string"
    case configKindWholeNumber = "configKind_wholeNumber"
    case configKindDecimalNumber = "configKind_decimalNumber"
    case configKindBoolean = "configKind_boolean"
    case configKindTable = "configKind_table"
    case configKindArray = "configKind_array"
    case configKindDateTime = "configKind_dateTime"
    case bureauRowOne
    // webpages branch: the dashboard's paged lists and an export month's page.
    case webPageOf = "web_pageOf"
    case webPrevious = "web_previous"
    case webNext = "web_next"
    case webShowing = "web_showing"
    case webExportMonthTitle = "web_exportMonthTitle"
    case webExportDetails = "web_exportDetails"
    case webNoExportsOfMonth = "web_noExportsOfMonth"
    case errWebPage = "errWeb_page"
}
