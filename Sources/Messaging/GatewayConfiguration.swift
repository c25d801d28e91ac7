import KoreanText

/// Which gateway delivers messages and how, from the `ILSON_SMS_*` settings (`spec/cli.md`, `spec/sms-gateway.md`).
///
/// Built from one `[String: String]` the caller merged (flags over environment over configuration file).
/// `description` and reflection never show the API key.
public struct GatewayConfiguration: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The gateways: `file`, `http`, `stdout`.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Appends a send list per center and day under `ILSON_SMS_DIR`.
        case file
        /// POSTs each message to `ILSON_SMS_URL` (the contract of `spec/sms-gateway.md`).
        case http
        /// Prints each message in full (a dry run on the operator's own terminal).
        case stdout
    }

    /// The setting names.
    public enum Variable {
        public static let gateway = "ILSON_SMS_GATEWAY"
        public static let url = "ILSON_SMS_URL"
        public static let apiKey = "ILSON_SMS_API_KEY"
        public static let sender = "ILSON_SMS_SENDER"
        public static let directory = "ILSON_SMS_DIR"
        /// Seconds an `http` send may take before it is given up as retryable (default 10).
        public static let timeout = "ILSON_SMS_TIMEOUT"
    }

    public var kind: Kind
    /// The provider's base URL (`http://127.0.0.1:8025`); `http` only.
    public var url: String?
    /// The provider's key, sent as `Authorization: Bearer KEY`; `http` only.
    public var apiKey: String?
    /// The sender number (digits) used when a message carries none (the center's own number takes precedence).
    public var sender: String?
    /// Where the `file` gateway writes; default `./sms-out`.
    public var directory: String
    /// How long one `http` send may take, in seconds; default 10.
    public var timeoutSeconds: Double

    /// Reads and checks the settings.
    ///
    /// - Parameter settings: `ILSON_SMS_*` names to values; empty values count as unset.
    /// - Throws: `GatewayConfigurationError` naming the variable to set or correct.
    public init(settings: [String: String]) throws(GatewayConfigurationError) {
        func value(_ name: String) -> String? {
            guard let v = settings[name].map({ Substring($0).trimming(" \t\r\n") }), !v.isEmpty else { return nil }
            return v
        }
        let name = value(Variable.gateway) ?? Kind.stdout.rawValue
        guard let kind = Kind(rawValue: name.lowercased()) else { throw .unknownGateway(name) }
        self.kind = kind
        self.directory = value(Variable.directory) ?? "./sms-out"
        if let s = value(Variable.sender) {
            let digits = s.filter { $0 != "-" && $0 != " " }
            guard (8...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw .invalid(variable: Variable.sender, value: s, why: "a sender number is 8 to 12 digits")
            }
            self.sender = digits
        } else {
            self.sender = nil
        }
        if let t = value(Variable.timeout) {
            guard let seconds = Double(t), seconds > 0, seconds <= 300 else {
                throw .invalid(variable: Variable.timeout, value: t, why: "seconds between 0 and 300, e.g. 10")
            }
            self.timeoutSeconds = seconds
        } else {
            self.timeoutSeconds = 10
        }
        self.url = value(Variable.url)
        self.apiKey = value(Variable.apiKey)
        if kind == .http {
            guard let url else { throw .missing(variable: Variable.url, gateway: kind) }
            if let why = HTTPGateway.problem(withBaseURL: url) {
                throw .invalid(variable: Variable.url, value: url, why: why)
            }
            guard apiKey != nil else { throw .missing(variable: Variable.apiKey, gateway: kind) }
        }
    }

    /// The configured gateway.
    ///
    /// - Parameter write: where the `stdout` gateway writes (default: standard output).
    public func makeGateway(write: (@Sendable (String) -> Void)? = nil) -> any Gateway {
        switch kind {
        case .stdout:
            StdoutGateway(defaultSender: sender, write: write ?? StdoutGateway.standardOutput)
        case .file:
            FileGateway(directory: directory, defaultSender: sender)
        case .http:
            // init(settings:) checked both.
            (try? HTTPGateway(
                baseURL: url ?? "", apiKey: apiKey ?? "", defaultSender: sender, timeoutSeconds: timeoutSeconds))
                ?? StdoutGateway(defaultSender: sender, write: write ?? StdoutGateway.standardOutput)
        }
    }

    public var description: String {
        switch kind {
        case .stdout: "stdout gateway"
        case .file: "file gateway writing to \(directory)"
        case .http:
            "http gateway to \(url ?? "?") (API key \(apiKey == nil ? "missing" : "set"), timeout \(timeoutSeconds)s)"
        }
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "kind": kind.rawValue, "url": url as Any, "apiKey": apiKey == nil ? "(none)" : "(set)",
                "sender": sender as Any, "directory": directory, "timeoutSeconds": timeoutSeconds,
            ])
    }
}

/// A setting that is missing or wrong; the description names the variable and what to do.
public enum GatewayConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `ILSON_SMS_GATEWAY` names no gateway.
    case unknownGateway(String)
    /// A setting the chosen gateway needs is not set.
    case missing(variable: String, gateway: GatewayConfiguration.Kind)
    /// A setting is set to something unusable.
    case invalid(variable: String, value: String, why: String)

    public var description: String {
        switch self {
        case .unknownGateway(let name):
            "\(GatewayConfiguration.Variable.gateway)=\(name) is not a gateway: use one of "
                + GatewayConfiguration.Kind.allCases.map(\.rawValue).joined(separator: ", ")
        case .missing(let variable, let gateway):
            "\(variable) is not set: the \(gateway.rawValue) gateway needs it (set it in the environment or "
                + "the configuration file)"
        case .invalid(let variable, let value, let why):
            // A key is never echoed.
            "\(variable)=\(variable == GatewayConfiguration.Variable.apiKey ? "…" : value) is not usable: \(why)"
        }
    }
}
