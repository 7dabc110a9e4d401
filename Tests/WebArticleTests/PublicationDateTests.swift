import Testing

@testable import WebArticle

@Suite("Publication dates")
struct PublicationDateTests {
    @Test(
        arguments: [
            ("2024-03-05", "2024-03-05"), ("2024-03-05T23:10:00-05:00", "2024-03-05"), ("2024-03-05T01:10:00+09:00", "2024-03-05"),
            ("2024-3-5", nil), ("20240305", "2024-03-05"), ("2024/03/05", "2024-03-05"), (" 2024-12-31Z", "2024-12-31"),
            ("March 5, 2024", "2024-03-05"), ("19 Nov 2019 07:09 GMT", "2019-11-19"),
            ("Tue Nov 19 2019 05:44:06 GMT+0000", "2019-11-19"), ("01:38:07 PM IST Nov 20, 2019", "2019-11-20"), ("Nov 2019", nil),
            ("2024-13-01", nil), ("1850-01-01", nil), ("", nil),
        ] as [(String, String?)])
    func days(value: String, expected: String?) {
        #expect(PublicationDate.day(from: value) == expected)
    }
}
