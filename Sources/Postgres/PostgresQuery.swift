/// A SQL statement with its bind values, built so that values cannot become SQL.
///
/// Write it as a string literal; every interpolated value becomes a bind parameter:
///
/// ```swift
/// let rows = try db.query("SELECT id FROM workers WHERE center_id = \(center) AND phone = \(phone)")
/// // SQL: SELECT id FROM workers WHERE center_id = $1 AND phone = $2
/// ```
///
/// Raw SQL text can only be added with an explicit label: `\(unescaped: "ORDER BY name")`,
/// and identifiers with `\(identifier: name)` (quoted). A `PostgresQuery` cannot be made
/// from a `String` variable except through `init(unescaped:)`.
public struct PostgresQuery: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// The SQL text with `$1`, `$2`, … placeholders.
    public private(set) var sql: String
    /// The bind values, `nil` for SQL NULL.
    public private(set) var binds: [PGValue?]

    /// A statement from raw SQL text, with bind values for its `$N` placeholders.
    ///
    /// - Parameters:
    ///   - sql: SQL text written by the programmer, never by a user.
    ///   - binds: the values of `$1`, `$2`, ….
    public init(unescaped sql: String, binds: [PGValue?] = []) {
        self.sql = sql
        self.binds = binds
    }

    public init(stringLiteral value: String) {
        self.sql = value
        self.binds = []
    }

    public init(stringInterpolation: StringInterpolation) {
        self.sql = stringInterpolation.sql
        self.binds = stringInterpolation.binds
    }

    /// Builds the SQL text and the bind list of a `PostgresQuery` literal.
    public struct StringInterpolation: StringInterpolationProtocol {
        var sql = ""
        var binds: [PGValue?] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            binds.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { sql += literal }

        /// A bind parameter.
        public mutating func appendInterpolation(_ value: some PGEncodable) {
            binds.append(value.pgValue)
            sql += "$\(binds.count)"
        }

        /// A bind parameter that may be SQL NULL.
        public mutating func appendInterpolation(_ value: (some PGEncodable)?) {
            binds.append(value?.pgValue)
            sql += "$\(binds.count)"
        }

        /// An identifier (table, column, database name), double-quoted and escaped.
        public mutating func appendInterpolation(identifier: String) {
            sql += PostgresQuery.quoteIdentifier(identifier)
        }

        /// Another query as a fragment: its SQL is spliced in with its `$N` placeholders renumbered
        /// after this query's binds, and its binds appended. Values stay bind parameters.
        public mutating func appendInterpolation(fragment: PostgresQuery) {
            let offset = binds.count
            binds.append(contentsOf: fragment.binds)
            var chars = fragment.sql.unicodeScalars.makeIterator()
            var pending: Unicode.Scalar? = nil
            while let c = pending ?? chars.next() {
                pending = nil
                guard c == "$" else {
                    sql.unicodeScalars.append(c)
                    continue
                }
                var digits = ""
                while let d = chars.next() {
                    if d.properties.numericType != nil && d.isASCII {
                        digits.unicodeScalars.append(d)
                    } else {
                        pending = d
                        break
                    }
                }
                if let n = Int(digits) {
                    sql += "$\(n + offset)"
                } else {
                    sql += "$" + digits
                }
            }
        }

        /// Raw SQL text. Never pass text that came from a user or a file of data.
        public mutating func appendInterpolation(unescaped text: String) { sql += text }
    }

    /// `name` as a quoted SQL identifier: `"name"`, with `"` doubled.
    public static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
