import KoreanText

/// The CSV formats ilson imports, as `docs/csv-formats.md` documents them: each import's `--help` lists its columns
/// from here and `--template` writes its Korean header.
public struct ImportFormat: Sendable {
    /// `workers.csv`.
    public var file: String
    /// The columns, in the template's order.
    public var columns: [ImportColumn]
    /// What each column holds (by English header), short.
    public var notes: [String: String]

    /// The Korean header row of an empty sheet.
    public var koreanHeader: [String] { columns.map(\.korean) }

    /// An empty sheet with the Korean headers, in CP949 as Excel on Korean Windows saves CSV.
    public var template: [UInt8] {
        CP949.encode(CSVWriter.document(header: koreanHeader, rows: [], lineEnd: .crlf))!
    }

    /// The columns for `--help`: `전화번호 (phone), required: …`, one a line.
    public var helpText: String {
        columns.map { c in
            "  \(c.korean) (\(c.key))\(c.required ? ", 필수 required" : ""): \(notes[c.key] ?? "")"
        }.joined(separator: "\n")
    }
}

/// Every import format.
public enum ImportFormats {
    public static let workers = ImportFormat(
        file: "workers.csv", columns: WorkerImport.columns,
        notes: [
            "name": "이름, 40자까지", "phone": "휴대전화 010-1234-5678 (0이 빠진 1012345678도 읽음); 인력은 전화번호로 찾음",
            "lat": "위도 (마을 대신)", "lon": "경도", "village": "마을: 리 또는 읍면 리 (예: 이월면 중산리), 40자까지",
            "skills": "기술: 한국어 이름 또는 코드, ; 로 구분 (예: 수확;포장)",
            "category": "구분: 고령, 청년, 여성, 장애인, 외국인, 일반", "max_travel_km": "최대 이동거리 km (0 초과 500 이하)",
            "max_days_per_week": "주 최대 일수 1-7", "available_from": "가능 시작일 (2026-12-03)",
            "available_to": "가능 종료일", "sms_consent": "문자 수신 동의: 예/아니오 (y/n)",
            "allowed_farms": "허용 농가코드 (외국인 계절근로자), ; 로 구분, 또는 전체",
        ])
    public static let farms = ImportFormat(
        file: "farms.csv", columns: FarmImport.columns,
        notes: [
            "code": "농가코드 (예: F012); 농가는 코드로 찾음", "name": "농가명, 40자까지", "farmer_name": "농업인 이름, 40자까지",
            "farmer_phone": "농업인 휴대전화; 농업인은 전화번호로 찾음", "lat": "위도 (마을 대신)", "lon": "경도",
            "address": "주소, 100자까지", "village": "마을 (예: 이월면 중산리)", "meeting_point": "집결지, 60자까지",
            "meeting_time": "집결시간 HH:MM (예: 06:30)",
        ])
    public static let requests = ImportFormat(
        file: "requests.csv", columns: RequestImport.columns,
        notes: [
            "farm": "농가코드", "date": "날짜 (2026-12-03, 오늘, 내일)", "days": "일수 1-31 (연속된 날)",
            "start": "시작 HH:MM", "end": "종료 HH:MM", "task": "작업: 한국어 이름 또는 코드 (예: 수확); `ilson task list`",
            "skills": "필요 기술, ; 로 구분", "headcount": "인원 1-500", "min_headcount": "최소인원 (기본 1)",
            "priority": "우선순위 1-10 (기본 1)", "wage": "일당 원 (130000 또는 130,000), 2,000,000 이하",
        ])
    public static let attendance = ImportFormat(
        file: "attendance.csv", columns: Attendance.columns,
        notes: [
            "phone": "인력 휴대전화", "farm": "농가코드", "status": "출근상태: 출근, 결근, 지각, 조퇴 (present, no_show, late, left_early)",
            "hours": "근무시간 (예: 8 또는 7.5)", "date": "날짜 (없으면 --date)", "note": "비고, 200자까지",
        ])
}
