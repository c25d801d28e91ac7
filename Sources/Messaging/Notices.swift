import Vocabulary

/// A worker's assignment for one day: what the worker needs to stand at the right farm on time.
///
/// Also the input of a `change` notice to a worker (the assignment as it now stands).
public struct AssignmentNotice: Sendable, Hashable {
    /// The center's name as it signs messages, e.g. `진천군농촌인력중개센터`.
    public var centerName: String
    public var workerName: String
    /// The recipient's number, any written form `Phone.normalize` accepts.
    public var workerPhone: String
    public var date: Day
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var farmName: String
    public var farmAddress: String
    /// Where the worker is picked up (집결지), when the center organises transport.
    public var meetingPoint: String?
    /// When to be at the meeting point.
    public var meetingTime: TimeOfDay?
    public var task: String
    /// Day wage in KRW.
    public var wage: Int
    public var farmerName: String
    /// The farmer's number, written in full in the worker's message (the worker needs it).
    public var farmerPhone: String
    /// The answer prompt (`AnswerPrompt.text`), the notice's last line after the facts and the pickup; nil when
    /// the center does not ask for an answer.
    public var answerPrompt: String?
    /// Version 2: where and when a rider is picked up (`승차: 07:30 이월 마을회관`), after the template's lines.
    public var ride: String?
    /// Version 2: the worker's other jobs of the day, one line each (`같은 날: 13:00~17:00 덕산 수박하우스 …`): one
    /// notice a day lists every job.
    public var otherJobs: [String] = []

    /// Creates an assignment notice; every field as named.
    public init(
        centerName: String, workerName: String, workerPhone: String, date: Day, start: TimeOfDay,
        end: TimeOfDay, farmName: String, farmAddress: String, meetingPoint: String? = nil,
        meetingTime: TimeOfDay? = nil, task: String, wage: Int, farmerName: String, farmerPhone: String,
        answerPrompt: String? = nil
    ) {
        self.answerPrompt = answerPrompt
        self.centerName = centerName
        self.workerName = workerName
        self.workerPhone = workerPhone
        self.date = date
        self.start = start
        self.end = end
        self.farmName = farmName
        self.farmAddress = farmAddress
        self.meetingPoint = meetingPoint
        self.meetingTime = meetingTime
        self.task = task
        self.wage = wage
        self.farmerName = farmerName
        self.farmerPhone = farmerPhone
    }
}

/// One worker on a farmer's list.
public struct ListedWorker: Sendable, Hashable {
    public var name: String
    /// Written in full in the farmer's message.
    public var phone: String
    /// Version 2: the pickup point the worker rides from (the farmer's van collects them there), nil when not.
    public var ridesFrom: String?
    /// Whether the worker confirmed by SMS (`참석확인` on the list): a list sent after answers tells the truth.
    public var confirmed = false

    /// Creates a list entry.
    public init(name: String, phone: String) {
        self.name = name
        self.phone = phone
    }
}

/// The workers coming to one farm on one day, for the farmer.
///
/// Also the input of a `change` notice to a farmer (the list as it now stands).
public struct FarmerListNotice: Sendable, Hashable {
    public var centerName: String
    public var farmerName: String
    /// The recipient's number.
    public var farmerPhone: String
    public var farmName: String
    public var date: Day
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var task: String
    /// The headcount the farmer asked for.
    public var headcountWanted: Int
    /// The workers coming, in the order the list shows them.
    public var workers: [ListedWorker]
    /// The farm's other requests of the day, after the first (one list per farm and day): each its own lines
    /// after the template's.
    public var more: [FarmerListSection] = []

    /// Creates a farmer's list notice.
    public init(
        centerName: String, farmerName: String, farmerPhone: String, farmName: String, date: Day,
        start: TimeOfDay, end: TimeOfDay, task: String, headcountWanted: Int, workers: [ListedWorker]
    ) {
        self.centerName = centerName
        self.farmerName = farmerName
        self.farmerPhone = farmerPhone
        self.farmName = farmName
        self.date = date
        self.start = start
        self.end = end
        self.task = task
        self.headcountWanted = headcountWanted
        self.workers = workers
    }
}

/// Another request of the same farm and day on a farmer's list: its hours, task, headcount and workers.
public struct FarmerListSection: Sendable, Hashable {
    public var start: TimeOfDay
    public var end: TimeOfDay
    public var task: String
    /// The headcount the farmer asked for.
    public var headcountWanted: Int
    public var workers: [ListedWorker]

    /// Creates a section; every field as named.
    public init(start: TimeOfDay, end: TimeOfDay, task: String, headcountWanted: Int, workers: [ListedWorker]) {
        self.start = start
        self.end = end
        self.task = task
        self.headcountWanted = headcountWanted
        self.workers = workers
    }

    /// `12:00~17:00 포장 2명 배정 (요청 3명)`: the section's first line.
    public var heading: String {
        "\(start)~\(end) \(task.singleLine) \(workers.count)명 배정 (요청 \(headcountWanted)명)"
    }
}

/// A cancellation, to a worker who was told to come or to a farmer who was told who comes.
public struct CancellationNotice: Sendable, Hashable {
    public var centerName: String
    public var recipientName: String
    /// The recipient's number.
    public var recipientPhone: String
    public var date: Day
    public var farmName: String
    public var start: TimeOfDay?
    /// Why, in a word or two: `우천`, `농가 사정`.
    public var reason: String?

    /// Creates a cancellation notice.
    public init(
        centerName: String, recipientName: String, recipientPhone: String, date: Day, farmName: String,
        start: TimeOfDay? = nil, reason: String? = nil
    ) {
        self.centerName = centerName
        self.recipientName = recipientName
        self.recipientPhone = recipientPhone
        self.date = date
        self.farmName = farmName
        self.start = start
        self.reason = reason
    }
}

/// Any notice ilson sends; selects the template and the outbox `kind`.
public enum Notice: Sendable, Hashable {
    /// A new assignment, to the worker.
    case assignment(AssignmentNotice)
    /// The workers coming, to the farmer.
    case farmerList(FarmerListNotice)
    /// A cancellation, to a worker or a farmer.
    case cancellation(CancellationNotice)
    /// An assignment that changed since the worker was told (kind `change`).
    case assignmentChange(AssignmentNotice)
    /// A list that changed since the farmer was told: a replacement, a decline (kind `change`).
    case farmerListChange(FarmerListNotice)

    /// The outbox kind.
    public var kind: MessageKind {
        switch self {
        case .assignment: .assignment
        case .farmerList: .farmerList
        case .cancellation: .cancellation
        case .assignmentChange, .farmerListChange: .change
        }
    }

    /// The template this notice is written with.
    public var templateSlot: TemplateSlot {
        switch self {
        case .assignment: .assignment
        case .farmerList: .farmerList
        case .cancellation: .cancellation
        case .assignmentChange: .assignmentChange
        case .farmerListChange: .farmerListChange
        }
    }

    /// The recipient's number as given.
    public var recipientPhone: String {
        switch self {
        case .assignment(let n), .assignmentChange(let n): n.workerPhone
        case .farmerList(let n), .farmerListChange(let n): n.farmerPhone
        case .cancellation(let n): n.recipientPhone
        }
    }
}
