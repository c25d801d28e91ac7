import KoreanText
import Postgres
import Records
import Storage
import Texts
import Vocabulary

/// `ilson db check`: every stored row a current rule rejects, read-only.
public enum DatabaseCheck {
    /// One finding, in the coordinator's words.
    public struct Line: Sendable, Hashable {
        public var center: String
        public var date: Day
        /// 요청 번호 (what `roster unassign --request` takes).
        public var request: Int64
        public var farm: String
        /// `김영숙 010-****-5678`.
        public var worker: String
        /// The rule, e.g. `체류 종료일 2027-07-10 이후`.
        public var problem: String
    }

    /// The findings of one center (`center` given) or of every center the login may see.
    ///
    /// - Throws: `OperationError` (from the database).
    public static func run(center: CenterRecord?, on db: Connection) throws -> [Line] {
        try IntegrityStore.ruleFindings(center: center?.id, on: db).map { f in
            let problem: String
            switch f.rule {
            case "stay_until": problem = T(.checkStay, ["date": f.stayUntil.map { "\($0)" } ?? ""])
            case "allowed_farms": problem = T(.checkFarm)
            case "pools": problem = T(.checkPool)
            default: problem = T(.checkJobs)
            }
            return Line(
                center: f.centerCode, date: f.date, request: f.requestID, farm: f.farmName,
                worker: "\(f.workerName) \(Phone.mask(f.workerPhone))", problem: problem)
        }
    }
}
