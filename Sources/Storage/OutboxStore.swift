import Foundation
import Postgres
import Records
import Vocabulary

extension OutboxProblem: StoredRecord {
    public static let table = "sms_outbox"
}

/// A message to put in the outbox: one `sms_outbox` row (its idempotency key is made by the database).
public struct NewOutboxMessage: Sendable, Hashable {
    public var assignmentId: Int64?
    public var requestId: Int64?
    /// Digits, `01012345678`.
    public var recipient: String
    public var recipientRole: RecipientRole
    public var recipientId: Int64
    public var kind: MessageKind
    /// `SMS` or `LMS`.
    public var type: String
    public var body: String
    public var byteCount: Int
    public var part: Int?
    public var parts: Int?
    /// Why the message could not be composed: the row is written `failed` with this reason, without body, type
    /// or bytes (sql/013), so it is never sent and `roster calls` lists it. Nil for a composed message.
    public var failure: String?

    /// Creates a row; every field as the table names it.
    public init(
        assignmentId: Int64?, requestId: Int64?, recipient: String, recipientRole: RecipientRole, recipientId: Int64,
        kind: MessageKind, type: String, body: String, byteCount: Int, part: Int? = nil, parts: Int? = nil
    ) {
        self.assignmentId = assignmentId
        self.requestId = requestId
        self.recipient = recipient
        self.recipientRole = recipientRole
        self.recipientId = recipientId
        self.kind = kind
        self.type = type
        self.body = body
        self.byteCount = byteCount
        self.part = part
        self.parts = parts
        self.failure = nil
    }

    /// A message that could not be composed, to be recorded as failed with the reason.
    public static func uncomposed(
        assignmentId: Int64?, requestId: Int64?, recipient: String, recipientRole: RecipientRole, recipientId: Int64,
        kind: MessageKind, reason: String
    ) -> NewOutboxMessage {
        var row = NewOutboxMessage(
            assignmentId: assignmentId, requestId: requestId, recipient: recipient, recipientRole: recipientRole,
            recipientId: recipientId, kind: kind, type: "", body: "", byteCount: 0)
        row.failure = reason.isEmpty ? "cannot compose the message" : reason
        return row
    }
}

/// A message the sender claimed (now `sending`, attempts counted): what the gateway needs.
public struct ClaimedMessage: StoredRecord, Hashable {
    public static let table = "sms_outbox"
    public var id: Int64
    public var rosterId: Int64
    /// The UUID sent as `Idempotency-Key`; the same on every attempt.
    public var idempotencyKey: String
    public var recipient: String
    public var kind: MessageKind
    public var type: String
    public var body: String
    public var attempts: Int
}

/// What became of one claimed message.
public enum OutboxOutcome: Sendable, Hashable {
    /// The provider took it.
    case sent(providerId: String, gateway: String)
    /// Not known to be sent: back to `pending`, next attempt after `retryAfterSeconds`.
    case retry(reason: String, retryAfterSeconds: Double)
    /// Refused for good (4xx): `failed` with the reason.
    case failed(reason: String)
}

/// `sms_outbox`: writing messages, claiming them for delivery, recording outcomes.
public enum OutboxStore {
    /// Writes messages for a roster in one statement (arrays unnested server-side): composed ones `pending`,
    /// uncomposed ones (`NewOutboxMessage.failure`) `failed` with their reason.
    ///
    /// - Returns: how many rows were written.
    @discardableResult
    public static func insert(
        _ messages: [NewOutboxMessage], center: Int64, roster: Int64, date: Day, on db: Connection
    ) throws -> Int {
        guard !messages.isEmpty else { return 0 }
        func ints(_ values: [Int64?]) -> [String] { values.map { $0.map(String.init) ?? "" } }
        func smalls(_ values: [Int?]) -> [String] { values.map { $0.map(String.init) ?? "" } }
        return try db.query(
            """
            INSERT INTO sms_outbox (center_id, roster_id, work_date, assignment_id, request_id, recipient,
                                    recipient_role, recipient_id, kind, type, body, byte_count, part, parts,
                                    state, last_error)
            SELECT \(center), \(roster), \(date), nullif(a, '')::bigint, nullif(r, '')::bigint, rc, rr, ri::bigint,
                   k, nullif(t, ''), b, bc::integer, nullif(p, '')::smallint, nullif(ps, '')::smallint,
                   CASE WHEN f = '' THEN 'pending' ELSE 'failed' END, nullif(f, '')
            FROM unnest(\(ints(messages.map(\.assignmentId))), \(ints(messages.map(\.requestId))),
                        \(messages.map(\.recipient)), \(messages.map(\.recipientRole.rawValue)),
                        \(messages.map { String($0.recipientId) }), \(messages.map(\.kind.rawValue)), \(messages.map(\.type)),
                        \(messages.map(\.body)), \(messages.map { String($0.byteCount) }),
                        \(smalls(messages.map(\.part))), \(smalls(messages.map(\.parts))), \(messages.map { $0.failure ?? "" }))
                 AS m(a, r, rc, rr, ri, k, t, b, bc, p, ps, f)
            """
        ).rowsAffected
    }

    /// Returns to `pending` every message of a center's day left in `sending` by a sender that died.
    ///
    /// Call it holding the center's send lock: then no live sender has a claim there. The messages keep their
    /// idempotency keys and attempt counts, so the provider de-duplicates any that it had already taken.
    /// - Returns: how many claims were recovered.
    @discardableResult
    public static func recoverClaims(center: Int64, date: Day, on db: Connection) throws -> Int {
        try db.query(
            """
            UPDATE sms_outbox SET state = 'pending', next_attempt_at = now(), updated_at = now(),
                   last_error = coalesce(last_error || '; ', '') || 'claim of ' || coalesce(claimed_by, '?')
                                || ' recovered (sender ended before recording the outcome)'
            WHERE center_id = \(center) AND work_date = \(date) AND state = 'sending'
            """
        ).rowsAffected
    }

    /// Claims up to `limit` due messages of a center's day: `pending` → `sending`, attempts + 1. Commit this
    /// before calling the gateway.
    public static func claim(center: Int64, date: Day, limit: Int, by claimer: String, on db: Connection) throws
        -> [ClaimedMessage]
    {
        try ClaimedMessage.fetchAll(
            db,
            """
            WITH due AS (
                SELECT id FROM sms_outbox
                WHERE center_id = \(center) AND work_date = \(date) AND state = 'pending' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id LIMIT \(limit) FOR UPDATE SKIP LOCKED)
            UPDATE sms_outbox o SET state = 'sending', attempts = o.attempts + 1, claimed_at = now(),
                   claimed_by = \(claimer), updated_at = now()
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.roster_id, o.idempotency_key::text AS idempotency_key, o.recipient, o.kind, o.type,
                      o.body, o.attempts
            """
        ).sorted { $0.id < $1.id }
    }

    /// Records the outcomes of claimed messages, in one transaction. A message that is no longer `sending`
    /// (withdrawn meanwhile) keeps its state.
    public static func record(_ outcomes: [(id: Int64, outcome: OutboxOutcome)], on db: Connection) throws {
        var sentIds: [String] = []
        var providerIds: [String] = []
        var gateways: [String] = []
        var retryIds: [String] = []
        var retryReasons: [String] = []
        var retryDelays: [String] = []
        var failedIds: [String] = []
        var failedReasons: [String] = []
        for (id, outcome) in outcomes {
            switch outcome {
            case .sent(let providerId, let gateway):
                sentIds.append(String(id))
                providerIds.append(providerId)
                gateways.append(gateway)
            case .retry(let reason, let after):
                retryIds.append(String(id))
                retryReasons.append(reason)
                retryDelays.append(String(after))
            case .failed(let reason):
                failedIds.append(String(id))
                failedReasons.append(reason)
            }
        }
        try db.transaction { tx in
            if !sentIds.isEmpty {
                try tx.query(
                    """
                    UPDATE sms_outbox o SET state = 'sent', provider_id = r.pid, gateway = r.gw, sent_at = now(),
                           updated_at = now()
                    FROM unnest(\(sentIds), \(providerIds), \(gateways)) AS r(id, pid, gw)
                    WHERE o.id = r.id::bigint AND o.state = 'sending'
                    """)
            }
            if !retryIds.isEmpty {
                try tx.query(
                    """
                    UPDATE sms_outbox o SET state = 'pending', last_error = r.why, updated_at = now(),
                           next_attempt_at = now() + make_interval(secs => r.after::double precision)
                    FROM unnest(\(retryIds), \(retryReasons), \(retryDelays)) AS r(id, why, after)
                    WHERE o.id = r.id::bigint AND o.state = 'sending'
                    """)
            }
            if !failedIds.isEmpty {
                try tx.query(
                    """
                    UPDATE sms_outbox o SET state = 'failed', last_error = r.why, updated_at = now()
                    FROM unnest(\(failedIds), \(failedReasons)) AS r(id, why)
                    WHERE o.id = r.id::bigint AND o.state = 'sending'
                    """)
            }
        }
    }

    /// Returns claimed messages that were never handed to the gateway to `pending`, as they were before the claim
    /// (the claim's attempt undone). Only messages still `sending` change.
    public static func unclaim(_ ids: [Int64], on db: Connection) throws {
        guard !ids.isEmpty else { return }
        try db.query(
            """
            UPDATE sms_outbox SET state = 'pending', attempts = greatest(attempts - 1, 0), claimed_at = NULL,
                   claimed_by = NULL, updated_at = now()
            WHERE id = ANY(\(ids.map(String.init))::bigint[]) AND state = 'sending'
            """)
    }

    /// Seconds until the earliest pending message of a center's day is due (≤ 0: due now); nil when none is pending.
    public static func secondsUntilNextDue(center: Int64, date: Day, on db: Connection) throws -> Double? {
        let row = try db.query(
            """
            SELECT extract(epoch FROM min(next_attempt_at) - now())::double precision AS wait
            FROM sms_outbox WHERE center_id = \(center) AND work_date = \(date) AND state = 'pending'
            """
        ).first
        return try row?.decode("wait", as: Double?.self)
    }

    /// Messages per state for a center's day (every roster of that day).
    public static func counts(center: Int64, date: Day, on db: Connection) throws -> [OutboxState: Int] {
        var counts: [OutboxState: Int] = [:]
        for row in try db.query(
            """
            SELECT state, count(*)::bigint AS n FROM sms_outbox
            WHERE center_id = \(center) AND work_date = \(date) GROUP BY state
            """)
        {
            counts[try row.status("state", table: OutboxProblem.table)] = try row.decode("n", as: Int.self)
        }
        return counts
    }

    /// The messages of a center's day in the given states (e.g. `failed`, or `pending`/`sending`).
    public static func messages(center: Int64, date: Day, states: [OutboxState], on db: Connection) throws
        -> [OutboxProblem]
    {
        try OutboxProblem.fetchAll(
            db,
            """
            SELECT id, recipient, recipient_role, recipient_id, kind, state, attempts, last_error FROM sms_outbox
            WHERE center_id = \(center) AND work_date = \(date) AND state = ANY(\(states.map(\.rawValue))) ORDER BY id
            """)
    }

    /// In the transaction that cancels a roster: every message of it not yet delivered becomes `withdrawn`
    /// (cancellation notices excepted).
    /// - Returns: how many were withdrawn.
    @discardableResult
    public static func withdrawUndelivered(roster: Int64, on db: Connection) throws -> Int {
        try db.query(
            """
            UPDATE sms_outbox SET state = 'withdrawn', withdrawn_at = now(), updated_at = now()
            WHERE roster_id = \(roster) AND state IN ('pending', 'sending') AND kind <> 'cancellation'
            """
        ).rowsAffected
    }

    /// Who was told to come (a message delivered, or in doubt: claimed by a sender that died), once per recipient
    /// and request: the people a cancellation notice must reach. Call it before `withdrawUndelivered`.
    public static func toldRecipients(roster: Int64, on db: Connection) throws -> [ToldRecipient] {
        try ToldRecipient.fetchAll(
            db,
            """
            SELECT DISTINCT ON (o.recipient, coalesce(o.request_id, a.request_id))
                   o.recipient, o.recipient_role, o.recipient_id, coalesce(o.request_id, a.request_id) AS request_id,
                   o.assignment_id,
                   coalesce(w.name, f.name) AS name
            FROM sms_outbox o
            LEFT JOIN assignments a ON a.id = o.assignment_id
            LEFT JOIN workers w ON o.recipient_role = 'worker' AND w.id = o.recipient_id
            LEFT JOIN farmers f ON o.recipient_role = 'farmer' AND f.id = o.recipient_id
            WHERE o.roster_id = \(roster) AND o.kind <> 'cancellation'
              AND o.state IN ('sent', 'sending')
            ORDER BY o.recipient, coalesce(o.request_id, a.request_id), o.id
            """)
    }

    /// The idempotency keys of a roster's messages by state (tests and reports).
    public static func keys(roster: Int64, on db: Connection) throws
        -> [(key: String, state: OutboxState, kind: MessageKind)]
    {
        try db.query(
            """
            SELECT idempotency_key::text AS key, state, kind FROM sms_outbox WHERE roster_id = \(roster) ORDER BY id
            """
        ).map {
            (
                try $0.decode("key"), try $0.status("state", table: "sms_outbox"),
                try $0.status("kind", table: "sms_outbox")
            )
        }
    }
}

/// A person a cancellation must reach: they were told to come.
public struct ToldRecipient: StoredRecord, Hashable {
    public static let table = "sms_outbox"
    public var recipient: String
    public var recipientRole: RecipientRole
    public var recipientId: Int64
    public var requestId: Int64?
    public var assignmentId: Int64?
    public var name: String
}
