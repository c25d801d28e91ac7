import Foundation
import Messaging
import Vocabulary

/// Small factories for the Messaging tests. Dates are fixed values of a message's content, not "today":
/// nothing here depends on the clock.
enum Fixtures {
    static let date = Day("2026-12-01")!

    static func assignment(
        worker: String = "김똠", farm: String = "햇살사과농원", meetingPoint: String? = "진천읍 버스터미널",
        meetingTime: String? = "06:30"
    ) -> AssignmentNotice {
        AssignmentNotice(
            centerName: "진천센터", workerName: worker, workerPhone: "010-1234-5678", date: date,
            start: TimeOfDay("07:00")!, end: TimeOfDay("16:00")!, farmName: farm,
            farmAddress: "충북 진천군 이월면 사당리 123", meetingPoint: meetingPoint,
            meetingTime: meetingTime.flatMap { TimeOfDay($0) }, task: "사과 수확", wage: 130_000, farmerName: "박햏",
            farmerPhone: "01098765432")
    }

    /// A farmer's list; every other worker an E-8 seasonal worker with a long romanized name, as in Jincheon.
    static func farmerList(workers count: Int) -> FarmerListNotice {
        let foreign = ["NGUYEN THI THANH HUONG", "TRAN VAN DUC ANH KHOA", "PHAM MINH QUANG HUY", "LE THI NGOC ANH THU"]
        let surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"]
        let given = ["똠", "햏", "뷁", "민준", "서연", "도윤", "하은", "지호", "수빈", "예준"]
        let workers = (0..<count).map { i in
            let korean: String = surnames[i % 10] + given[(i / 10) % 10] + (i >= 100 ? String(i) : "")
            let name = i % 2 == 1 ? foreign[(i / 2) % 4] + " " + String(i) : korean
            return ListedWorker(name: name, phone: "010-\(2000 + i)-\(7000 + i)")
        }
        return FarmerListNotice(
            centerName: "진천센터", farmerName: "박햏", farmerPhone: "010-9876-5432", farmName: "햇살사과농원",
            date: date, start: TimeOfDay("07:00")!, end: TimeOfDay("16:00")!, task: "사과 수확",
            headcountWanted: count, workers: workers)
    }

    static func key() -> String { UUID().uuidString.lowercased() }

    static func outgoing(
        to: String = "01012345678", body: String = "[진천센터] 12월 1일(화) 07:00 햇살사과농원", key: String = key()
    )
        -> OutgoingMessage
    {
        OutgoingMessage(
            to: to, from: "0435391234", type: .sms, body: body, kind: .assignment, idempotencyKey: key, center: "JC",
            date: date)
    }
}
