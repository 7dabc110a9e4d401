import Hashing
import Testing

@Suite struct HexDigitsTests {
    @Test(arguments: [0, 1, 0xF, 0x0123_4567_89AB_CDEF, UInt64.max])
    func theThreeFormsWriteTheSameSixteenDigits(value: UInt64) {
        let expected = String(value, radix: 16)
        let digits = String(repeating: "0", count: 16 - expected.count) + expected
        #expect(HexDigits.string(value) == digits)
        var appended: [UInt8] = Array("x".utf8)
        HexDigits.append(value, to: &appended)
        #expect(appended == Array("x\(digits)".utf8))
        var written = Array(repeating: UInt8(ascii: "-"), count: 18)
        HexDigits.write(value, into: &written, at: 1)
        #expect(written == Array("-\(digits)-".utf8))
    }
}
