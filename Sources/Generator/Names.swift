/// Names, phone numbers and other people data for generated workers.
enum Names {
    /// Common Korean surnames with rough frequencies (percent of the population).
    static let surnames = Weighted<String>([
        ("김", 21.5), ("이", 14.7), ("박", 8.4), ("최", 4.7), ("정", 4.4), ("강", 2.4), ("조", 2.1),
        ("윤", 2.1), ("장", 2.0), ("임", 1.7), ("한", 1.5), ("오", 1.5), ("서", 1.5), ("신", 1.4),
        ("권", 1.4), ("황", 1.4), ("안", 1.3), ("송", 1.3), ("류", 1.2), ("홍", 1.1),
    ])
    /// Given names of older women (the largest group of rural day workers).
    static let olderWomen = [
        "영숙", "순자", "정자", "영자", "옥순", "말순", "복순", "춘자", "영희", "경자", "순이", "명숙",
        "정순", "금순", "옥자", "숙자", "현숙", "미자", "순옥", "점순",
    ]
    /// Given names of older men.
    static let olderMen = [
        "영수", "정호", "상철", "영철", "종수", "병철", "광수", "만수", "재근", "용식", "성수", "기철",
        "동수", "춘식", "경호", "진호", "태식", "창수", "명수", "봉수",
    ]
    /// Given names of younger people.
    static let younger = [
        "민준", "서준", "지훈", "현우", "도윤", "서연", "지은", "수빈", "민지", "예진", "지현", "성민",
        "준호", "혜진", "은정", "태윤", "하은", "건우", "유진", "승현",
    ]
    static let youngerWomen = ["서연", "지은", "수빈", "민지", "예진", "지현", "혜진", "은정", "하은", "유진", "소영", "미영"]

    /// Vietnamese, Filipino, Nepali and Cambodian names in Hangul transliteration, as the
    /// E-8 seasonal-worker rosters write them.
    static func foreign(_ rng: inout Xoshiro256) -> String {
        switch rng.below(10) {
        case 0..<5:  // Vietnamese: family, middle, given
            let family = rng.pick(["응우옌", "쩐", "레", "팜", "호앙", "부이", "당", "도", "보", "판"])
            let female = rng.chance(0.5)
            let middle = female ? rng.pick(["티", "응옥", "투"]) : rng.pick(["반", "득", "꽝", "민"])
            let given =
                female
                ? rng.pick(["란", "흐엉", "투", "마이", "린", "하", "짱", "화", "응아", "프엉"])
                : rng.pick(["안", "민", "훙", "둥", "롱", "탄", "남", "흐엉", "꾸옥", "하이"])
            return "\(family) \(middle) \(given)"
        case 5..<7:  // Filipino: given, family
            let given = rng.pick(["마리아", "호세", "후안", "안젤리카", "마크", "존", "크리스티안", "로사", "제니", "레이"])
            let family = rng.pick(["산토스", "레예스", "크루스", "바우티스타", "가르시아", "멘도사", "라모스", "빌라누에바"])
            return "\(given) \(family)"
        case 7..<9:  // Nepali
            let given = rng.pick(["람", "비시누", "수닐", "아난드", "프라카시", "시타", "기타", "수만", "라주", "딜립"])
            let family = rng.pick(["구룽", "타망", "라이", "셰르파", "타파", "마가르", "쉬레스타", "카르키"])
            return "\(given) \(family)"
        default:  // Khmer
            let family = rng.pick(["속", "찬", "림", "손", "헹", "콩"])
            let given = rng.pick(["다라", "소피어", "비레악", "찬타", "스레이", "보파"])
            return "\(family) \(given)"
        }
    }
}
