import Postgres
import Vocabulary

extension TimeOfDay: PGDecodable {
    /// A column written as `to_char(t, 'HH24:MI')` (text), or a `time` whose seconds are zero.
    public static func acceptsPostgresType(_ oid: UInt32) -> Bool {
        String.acceptsPostgresType(oid) || oid == PGTypeOID.time
    }
    public init?(postgresText text: String) {
        let hhmm = text.count == 8 && text.hasSuffix(":00") ? String(text.prefix(5)) : text
        guard let time = TimeOfDay(hhmm) else { return nil }
        self = time
    }
}
